/**
 * @postmortem-lint/language-server: postmortem-lint as a language server. Editors start the
 * `postmortem-lint-language-server --stdio` command; `startServer` runs it on any connection.
 */
export { startServer, defaultSettings, watchedFileNames, type ServerSettings } from './server.js'
export { scoreNotification, type ScoreNotification } from './convert.js'
