// The server process: `postmortem-lint-language-server --stdio` (or --node-ipc, --socket=PORT,
// which vscode-languageserver reads from the command line).
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node'
import { startServer } from './server.js'

if (!process.argv.slice(2).some((arg) => /^--(?:stdio|node-ipc|socket|pipe)/.test(arg))) {
  process.stderr.write('Usage: postmortem-lint-language-server --stdio\nStarted by an editor; see the README for VS Code, Neovim and Helix.\n')
  process.exit(2)
}

startServer(createConnection(ProposedFeatures.all))
