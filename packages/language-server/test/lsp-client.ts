// A real LSP client for the tests: spawns the built server (`node bin/... --stdio`) and talks to
// it with vscode-languageserver-protocol over the child's stdin and stdout.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  CodeActionRequest,
  CodeLensRequest,
  DidChangeTextDocumentNotification,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node'

export const serverBin = fileURLToPath(new URL('../bin/postmortem-lint-language-server.js', import.meta.url))

export interface ScoreParams {
  uri: string
  score: number | null
  reason?: string
  missed: { id: string; title: string; score: number }[]
}

export interface ClientOptions {
  folders: string[]
  /** The server script to run with node (default: this package's bin). */
  server?: string
  cwd?: string
  initializationOptions?: Record<string, unknown>
}

export const uriOf = (path: string): string => pathToFileURL(path).href

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = []
  readonly scores: ScoreParams[] = []
  readonly messages: ShowMessageParams[] = []
  readonly registrations: unknown[] = []
  stderr = ''
  private waiters: (() => void)[] = []
  private versions = new Map<string, number>()
  exited: number | null | undefined = undefined
  folders: string[] = []

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: ClientOptions): Promise<{ client: TestClient; initialized: InitializeResult }> {
    const child = spawn(process.execPath, [options.server ?? serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], ...(options.cwd ? { cwd: options.cwd } : {}) })
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
    const client = new TestClient(child, connection)
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()))
    child.on('exit', (code) => {
      client.exited = code
      client.notify()
    })
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.published.push(params)
      client.notify()
    })
    connection.onNotification('postmortemLint/score', (params: ScoreParams) => {
      client.scores.push(params)
      client.notify()
    })
    connection.onNotification(ShowMessageNotification.type, (params) => {
      client.messages.push(params)
      client.notify()
    })
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations)
      return null
    })
    connection.onRequest('workspace/codeLens/refresh', () => null)
    client.folders = [...options.folders]
    connection.onRequest('workspace/workspaceFolders', () => client.folders.map((folder, index) => ({ uri: uriOf(folder), name: `folder${index}` })))
    connection.listen()
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.folders.map((folder, index) => ({ uri: uriOf(folder), name: `folder${index}` })),
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchesFiles ?? true }, codeLens: { refreshSupport: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true } },
      },
      initializationOptions: options.initializationOptions ?? null,
    })
    await connection.sendNotification(InitializedNotification.type, {})
    return { client, initialized }
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter()
  }

  /** Resolve when `check` returns a value (checked now and after every message), or fail after `ms`. */
  async until<T>(what: string, check: () => T | undefined, ms = 15_000): Promise<T> {
    const deadline = Date.now() + ms
    for (;;) {
      const value = check()
      if (value !== undefined) return value
      if (this.exited !== undefined) throw new Error(`the server exited (${this.exited}) while waiting for ${what}\n${this.stderr}`)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`timed out waiting for ${what}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200))
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** The first diagnostics published for `uri` from now on (optionally: that pass `accept`). */
  async nextDiagnostics(uri: string, send: () => Promise<void>, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const from = this.published.length
    await send()
    return this.until(`diagnostics for ${uri}`, () => this.published.slice(from).find((params) => params.uri === uri && accept(params.diagnostics))?.diagnostics)
  }

  open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1)
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } })
  }

  /** A full-text change; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1
    this.versions.set(uri, version)
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] })
    return version
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } })
  }

  fileChanged(path: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path), type }] })
  }

  /** Add a workspace folder, as an editor does when one is added to the workspace. */
  addFolder(folder: string): Promise<void> {
    this.folders.push(folder)
    return this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: uriOf(folder), name: `folder${this.folders.length - 1}` }], removed: [] },
    })
  }

  settings(postmortemLint: Record<string, unknown>): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { postmortemLint } })
  }

  codeActions(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0]!.range
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } }) as Promise<CodeAction[]>
  }

  codeLenses(uri: string): Promise<CodeLens[]> {
    return this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }) as Promise<CodeLens[]>
  }

  async stop(): Promise<void> {
    if (this.exited === undefined) {
      await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined)
      await this.connection.sendNotification(ExitNotification.type).catch(() => undefined)
      await this.until('exit', () => (this.exited !== undefined ? true : undefined), 5000).catch(() => this.child.kill())
    }
    this.connection.dispose()
  }
}
