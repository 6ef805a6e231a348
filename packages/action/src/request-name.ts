/** `GET /repos/acme/handbook/pulls/7/files`: the request a failure is about, for messages. */
export function requestName(options: { method?: string; url?: string }, error: unknown): string {
  const sent = (error as { request?: { url?: unknown } } | null)?.request?.url
  let path = options.url ?? ''
  if (typeof sent === 'string') {
    try {
      path = new URL(sent).pathname
    } catch {
      path = sent
    }
  }
  return `${options.method ?? 'GET'} ${path}`.trim()
}
