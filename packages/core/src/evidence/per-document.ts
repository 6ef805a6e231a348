/**
 * Evidence several rules and the rubric read from one document (the impact statement, a
 * section's sentences) is computed once per document and kept with it: a WeakMap entry goes
 * when the document does.
 */
const memos = new WeakMap<object, Map<string, unknown>>()

/** The value `compute` gives for this document (or section) and key, computed on first use. */
export function perDocument<T>(owner: object, key: string, compute: () => T): T {
  let memo = memos.get(owner)
  if (!memo) memos.set(owner, (memo = new Map()))
  if (memo.has(key)) return memo.get(key) as T
  const value = compute()
  memo.set(key, value)
  return value
}
