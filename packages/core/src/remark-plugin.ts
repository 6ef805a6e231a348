import type { Root } from 'mdast'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import type { ResolvedConfig } from './config/resolve-config.js'
import { lint } from './engine/lint.js'

export interface RemarkPostmortemLintOptions {
  config?: ResolvedConfig
}

/**
 * A remark plugin reporting the same findings as `lint`, as vfile messages carrying `ruleId`,
 * `source: 'postmortem-lint'`, `url`, `place`, `expected` (the suggestion) and `fatal` (true for
 * errors, false for warnings), so vfile-reporter, remark-cli and editors show them.
 *
 * @example
 * ```ts
 * import remarkParse from 'remark-parse'
 * import { unified } from 'unified'
 * import remarkPostmortemLint from '@postmortem-lint/core/remark'
 * const file = await unified().use(remarkParse).use(remarkPostmortemLint).process(markdown)
 * ```
 */
export default function remarkPostmortemLint(this: Processor, options: RemarkPostmortemLintOptions = {}) {
  // A lint-only pipeline (parse, then lint) has no compiler, and `process` refuses to run
  // without one. Give it one that leaves the document as it was; a serializer such as
  // remark-stringify, used before or after this plugin, takes precedence.
  if (this && !this.compiler) this.compiler = (_tree, file) => String(file)
  return (_tree: Root, file: VFile): void => {
    // String(file), not String(file.value): a file read as bytes holds a Uint8Array, which
    // String() would turn into "35,32,73,...". VFile#toString decodes it as UTF-8.
    const result = lint(String(file), {
      ...(file.path ? { filePath: file.path } : {}),
      ...(options.config ? { config: options.config } : {}),
    })
    for (const message of result.messages) {
      const vfileMessage = file.message(message.message, {
        place: { start: { line: message.line, column: message.column }, end: { line: message.endLine, column: message.endColumn } },
        ruleId: message.ruleId,
        source: 'postmortem-lint',
      })
      vfileMessage.url = message.docsUrl
      vfileMessage.fatal = message.severity === 2
      if (message.suggestion !== undefined) vfileMessage.expected = [message.suggestion]
    }
  }
}
