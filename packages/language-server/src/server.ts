import { readFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ConfigError, configFileNames, lint, preloadNlp, type LintResult, type ResolvedConfig } from '@postmortem-lint/core'
import { ConfigResolver, IgnoreFiles, ignoreFileNames, ignoredReason, isMarkdownFile, reasonNotSearched, toFilters } from '@postmortem-lint/core/project'
import {
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { codeActionsFor } from './actions.js'
import { configProblemRange } from './config-range.js'
import { diagnosticSource, missedCategories, scoreLens, scoreNotification, toDiagnostics, type ScoreNotification } from './convert.js'

/** Settings, from `initializationOptions` and from `workspace/didChangeConfiguration` (`settings.postmortemLint`). */
export interface ServerSettings {
  /** Lint at all (false clears every diagnostic). */
  enable: boolean
  /** Lint as you type (debounced) or only when a document is opened or saved. */
  run: 'onType' | 'onSave'
  /** Quiet time after an edit before linting, in milliseconds. */
  debounceMs: number
}

export const defaultSettings: ServerSettings = { enable: true, run: 'onType', debounceMs: 250 }

/** Files whose change can change what a document's findings are: configs and ignore files. */
export const watchedFileNames: readonly string[] = [...configFileNames, ...ignoreFileNames]

/** One workspace folder: its config discovery and ignore files, dropped whenever one of them changes. */
interface Project {
  /** The folder a directory search would start from; null for files outside every folder. */
  root: string | null
  configs: ConfigResolver
  ignoreFiles: IgnoreFiles
}

/** What linting a document came to. */
type Outcome =
  | { kind: 'linted'; result: LintResult }
  | { kind: 'not-linted'; reason: string }
  | { kind: 'config-error'; error: ConfigError }

function mergeSettings(base: ServerSettings, value: unknown): ServerSettings {
  if (!value || typeof value !== 'object') return base
  const given = value as Record<string, unknown>
  const next = { ...base }
  if (typeof given['enable'] === 'boolean') next.enable = given['enable']
  if (given['run'] === 'onType' || given['run'] === 'onSave') next.run = given['run']
  if (typeof given['debounceMs'] === 'number' && Number.isFinite(given['debounceMs']) && given['debounceMs'] >= 0) next.debounceMs = given['debounceMs']
  return next
}

function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null
  try {
    return fileURLToPath(uri)
  } catch {
    return null
  }
}

function isInside(directory: string, path: string): boolean {
  const rel = relative(directory, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The language server on a connection: diagnostics for the Markdown documents the CLI would lint
 * (same config discovery, ignore files and detection, through @postmortem-lint/core/project),
 * quick fixes that insert inline directives, the rubric score as a code lens and as a
 * `postmortemLint/score` notification, re-linting when a config or ignore file changes.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  let settings = defaultSettings
  let folders: string[] = []
  let projects = new Map<string, Project>()
  let capabilities: ClientCapabilities = {}
  /** The newest lint run of each document; an older run that finishes later is dropped. */
  const generations = new Map<string, number>()
  const timers = new Map<string, NodeJS.Timeout>()
  const results = new Map<string, LintResult>()
  /** Config files currently carrying an "invalid configuration" diagnostic. */
  const brokenConfigs = new Map<string, string>()
  const shownMessages = new Set<string>()
  /**
   * Whether the client reports changes to config and ignore files (it accepted the watcher
   * registration, or has sent such events). Until then configs are found afresh for every run,
   * so an edited config applies from a document's next lint even in editors that watch nothing.
   */
  let fileEvents = false

  const log = (message: string): void => connection.console.log(`[postmortem-lint] ${message}`)
  // The NLP library, loaded once up front through a dynamic import (a bundled server has no
  // node_modules to require it from later), while the editor is still starting.
  const nlpReady = preloadNlp().catch((error: unknown) => log(`could not preload the NLP library: ${describe(error)}`))

  function projectFor(path: string | null): Project {
    const root = path === null ? (folders[0] ?? null) : (folders.filter((folder) => isInside(folder, path)).sort((a, b) => b.length - a.length)[0] ?? null)
    const key = root ?? ''
    let project = projects.get(key)
    if (!project) {
      const cwd = root ?? (path === null ? process.cwd() : dirname(path))
      project = { root, configs: new ConfigResolver({ cwd }), ignoreFiles: new IgnoreFiles(cwd) }
      // Without file events nothing would tell a cached config that it changed: read afresh each run.
      if (fileEvents) projects.set(key, project)
    }
    return project
  }

  async function analyse(document: TextDocument, isCurrent: () => boolean): Promise<Outcome | null> {
    const path = uriToPath(document.uri)
    const project = projectFor(path)
    let config: ResolvedConfig
    let reason: string | null = null
    try {
      const found = path === null ? await project.configs.forDirectory(project.root ?? process.cwd()) : await project.configs.forFile(path)
      config = found.config
      if (path !== null) {
        const filters = toFilters(found)
        // Outside every workspace folder: as if named on the command line from its own directory.
        reason =
          project.root !== null
            ? await reasonNotSearched(path, project.root, filters, project.ignoreFiles)
            : isMarkdownFile(path)
              ? await ignoredReason(path, dirname(path), filters, project.ignoreFiles)
              : 'not a Markdown file (*.md, *.markdown)'
      }
    } catch (error) {
      if (error instanceof ConfigError) return { kind: 'config-error', error }
      throw error
    }
    if (reason !== null) return { kind: 'not-linted', reason }
    await nlpReady
    // A newer edit arrived while the config was being found: do not spend the lint on old text.
    if (!isCurrent()) return null
    return { kind: 'linted', result: lint(document.getText(), { ...(path === null ? {} : { filePath: path }), config, detect: true }) }
  }

  function sendScore(uri: string, score: ScoreNotification['score'], missed: ScoreNotification['missed'], reason?: string): void {
    const params: ScoreNotification = { uri, score, missed, ...(reason === undefined ? {} : { reason }) }
    void connection.sendNotification(scoreNotification, params)
  }

  function refreshLenses(): void {
    if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined)
  }

  async function reportConfigError(error: ConfigError): Promise<void> {
    const message = `Invalid postmortem-lint configuration${error.key ? ` at "${error.key}"` : ''}: ${error.problem}`
    if (error.filePath) {
      const uri = pathToFileURL(error.filePath).href
      if (brokenConfigs.get(uri) === message) return
      brokenConfigs.set(uri, message)
      const text = await readFile(error.filePath, 'utf8').catch(() => '')
      const key = error.key && basename(error.filePath) === 'package.json' ? `postmortemLint.${error.key}` : error.key
      const range = configProblemRange(text, key, error.problem)
      const diagnostic: Diagnostic = { range, severity: DiagnosticSeverity.Error, source: diagnosticSource, message }
      void connection.sendDiagnostics({ uri, diagnostics: [diagnostic] })
    } else if (!shownMessages.has(message)) {
      shownMessages.add(message)
      void connection.window.showErrorMessage(message)
    }
  }

  function clear(uri: string): void {
    results.delete(uri)
    void connection.sendDiagnostics({ uri, diagnostics: [] })
  }

  async function run(uri: string, generation: number): Promise<void> {
    const document = documents.get(uri)
    if (!document || !settings.enable) return
    const isCurrent = (): boolean => generations.get(uri) === generation && documents.get(uri) !== undefined
    let outcome: Outcome | null
    try {
      outcome = await analyse(document, isCurrent)
    } catch (error) {
      // Never a crash: an unexpected failure costs this document its diagnostics, and is logged.
      log(`could not lint ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      outcome = { kind: 'linted', result: { filePath: null, messages: [], errorCount: 1, warningCount: 0, score: null, categories: {}, fatal: `postmortem-lint failed on this document: ${describe(error)}` } }
    }
    if (outcome === null || !isCurrent()) return
    const version = document.version
    if (outcome.kind === 'config-error') {
      await reportConfigError(outcome.error)
      if (!isCurrent()) return
      clear(uri)
      sendScore(uri, null, [], 'invalid configuration')
    } else if (outcome.kind === 'not-linted') {
      clear(uri)
      sendScore(uri, null, [], outcome.reason)
    } else {
      const { result } = outcome
      results.set(uri, result)
      void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(result, document.getText(), uri) })
      sendScore(uri, result.fatal === undefined ? result.score : null, missedCategories(result), result.skipped ?? result.fatal)
    }
    refreshLenses()
  }

  function schedule(uri: string, delay: number): void {
    const generation = (generations.get(uri) ?? 0) + 1
    generations.set(uri, generation)
    clearTimeout(timers.get(uri))
    const timer = setTimeout(() => {
      timers.delete(uri)
      void run(uri, generation)
    }, delay)
    timers.set(uri, timer)
  }

  /** Drop every cached config and ignore file, clear config errors, and lint every open document again. */
  function relintAll(): void {
    projects = new Map()
    shownMessages.clear()
    for (const uri of brokenConfigs.keys()) void connection.sendDiagnostics({ uri, diagnostics: [] })
    brokenConfigs.clear()
    for (const document of documents.all()) schedule(document.uri, 0)
  }

  const isWatchedFile = (uri: string): boolean => watchedFileNames.includes(basename(uriToPath(uri) ?? uri))

  function setFolders(list: readonly WorkspaceFolder[] | null | undefined): void {
    folders = (list ?? []).map((folder) => uriToPath(folder.uri)).filter((path): path is string => path !== null)
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities
    settings = mergeSettings(defaultSettings, params.initializationOptions)
    if (params.workspaceFolders) setFolders(params.workspaceFolders)
    else if (params.rootUri) setFolders([{ uri: params.rootUri, name: 'root' }])
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'postmortem-lint-language-server' },
    }
  })

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${watchedFileNames.join(',')}}` }] })
        .then(
          () => void (fileEvents = true),
          (error: unknown) => log(`the client refused the file watcher: ${describe(error)}`),
        )
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        setFolders(await connection.workspace.getWorkspaceFolders())
        relintAll()
      })
    }
  })

  connection.onDidChangeConfiguration((change) => {
    const section = (change.settings as Record<string, unknown> | null)?.['postmortemLint']
    settings = mergeSettings(settings, section)
    if (!settings.enable) {
      for (const document of documents.all()) {
        generations.set(document.uri, (generations.get(document.uri) ?? 0) + 1)
        clear(document.uri)
        sendScore(document.uri, null, [], 'disabled')
      }
      refreshLenses()
    } else {
      for (const document of documents.all()) schedule(document.uri, 0)
    }
  })

  // TextDocuments fires a content change right after each open: the open's run (at once, not
  // debounced) is already scheduled by then.
  const justOpened = new Set<string>()
  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri)
    schedule(document.uri, 0)
  })
  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return
    if (settings.run === 'onType') schedule(document.uri, settings.debounceMs)
  })
  documents.onDidSave(({ document }) => {
    if (isWatchedFile(document.uri)) relintAll()
    else if (settings.run === 'onSave') schedule(document.uri, 0)
  })
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri))
    timers.delete(document.uri)
    // Not deleted: a run still finding its config must not match a reopened document's first run.
    generations.set(document.uri, (generations.get(document.uri) ?? 0) + 1)
    clear(document.uri)
    sendScore(document.uri, null, [], 'closed')
  })

  connection.onDidChangeWatchedFiles(({ changes }) => {
    fileEvents = true
    if (changes.some((change) => isWatchedFile(change.uri))) relintAll()
  })

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri)
    return document ? codeActionsFor(document, context.diagnostics) : []
  })

  connection.onCodeLens(({ textDocument }) => {
    const document = documents.get(textDocument.uri)
    const result = results.get(textDocument.uri)
    if (!document || !result) return []
    const lens = scoreLens(result, document.getText())
    return lens ? [lens] : []
  })

  documents.listen(connection)
  connection.listen()
  log(`started (Node.js ${process.version})`)
}
