// The VS Code extension: starts the bundled language server (dist/server.mjs) with
// vscode-languageclient, passes the settings on, and shows the active postmortem's rubric score
// in the status bar from the server's postmortemLint/score notification.
import * as vscode from 'vscode'
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node'

interface ScoreParams {
  uri: string
  score: number | null
  reason?: string
  missed: { id: string; title: string; score: number }[]
}

let client: LanguageClient | undefined

function settings(): { enable: boolean; run: 'onType' | 'onSave' } {
  const config = vscode.workspace.getConfiguration('postmortemLint')
  return { enable: config.get<boolean>('enable', true), run: config.get<'onType' | 'onSave'>('run', 'onType') }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.mjs')
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--inspect=6009'] } },
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: settings(),
    // Sends workspace/didChangeConfiguration with settings.postmortemLint when they change.
    synchronize: { configurationSection: 'postmortemLint' },
  }
  client = new LanguageClient('postmortemLint', 'postmortem-lint', serverOptions, clientOptions)

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100)
  status.name = 'postmortem-lint score'
  context.subscriptions.push(status)
  const scores = new Map<string, ScoreParams>()
  const show = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString()
    const params = uri === undefined ? undefined : scores.get(uri)
    if (!params || params.score === null) {
      status.hide()
      return
    }
    status.text = `$(checklist) ${params.score}/100`
    status.tooltip = params.missed.length
      ? `Postmortem rubric score ${params.score}/100. Misses:\n${params.missed.map((category) => `${category.title}: ${category.score}`).join('\n')}`
      : `Postmortem rubric score ${params.score}/100`
    status.show()
  }
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(show))

  await client.start()
  context.subscriptions.push(
    client.onNotification('postmortemLint/score', (params: ScoreParams) => {
      scores.set(params.uri, params)
      show()
    }),
  )
}

export async function deactivate(): Promise<void> {
  await client?.stop()
  client = undefined
}
