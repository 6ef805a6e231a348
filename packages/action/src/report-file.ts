import { readFile } from 'node:fs/promises'
import { categoryIds, type CategoryId, type CategoryRubric, type LintMessage, type LintResult, type Rubric, type RubricDeduction, type RubricItemResult } from '@postmortem-lint/core'

/**
 * Read a JSON report written by the CLI (`--format json`) or by this action in an earlier,
 * unprivileged workflow. It may come from a fork's run, so it is validated field by field and
 * everything quoted from it is escaped when rendered. Reports of older versions are accepted: no
 * `rubric`, and a skipped file with a score (which is dropped: a skipped file has none).
 */
export async function readReportFile(path: string): Promise<LintResult[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new Error(`Cannot read the report file ${path}: ${(error as Error).message}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new Error(`The report file ${path} is not valid JSON: ${(error as Error).message}`)
  }
  if (!Array.isArray(data)) throw new Error(`The report file ${path} must hold a JSON array (postmortem-lint --format json)`)
  return data.map((item, index) => parseResult(item, `${path}[${index}]`))
}

type Json = Record<string, unknown>

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: expected an object`)
  return value as Json
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Error(`${where}: expected a string`)
  return value
}

function integer(value: unknown, where: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new Error(`${where}: expected an integer from ${min} to ${max}`)
  return value
}

function score(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) throw new Error(`${where}: expected a score from 0 to 100`)
  return value
}

function number(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw new Error(`${where}: expected a number from ${min} to ${max}`)
  return value
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected an array`)
  return value
}

function parseItem(value: unknown, where: string): RubricItemResult {
  const item = object(value, where)
  const points = number(item.points, `${where}.points`, 0, 100)
  const parsed: RubricItemResult = {
    id: string(item.id, `${where}.id`),
    text: string(item.text, `${where}.text`),
    points,
    earned: number(item.earned, `${where}.earned`, 0, points),
  }
  if (item.detail !== undefined) parsed.detail = string(item.detail, `${where}.detail`)
  return parsed
}

function parseDeduction(value: unknown, where: string): RubricDeduction {
  const item = object(value, where)
  return {
    ruleId: string(item.ruleId, `${where}.ruleId`),
    messageId: string(item.messageId, `${where}.messageId`),
    count: integer(item.count, `${where}.count`, 1),
    points: number(item.points, `${where}.points`, 0, Number.MAX_SAFE_INTEGER),
  }
}

function parseRubric(value: unknown, where: string): Rubric {
  const rubricIn = object(value, where)
  const rubric: Rubric = {}
  for (const id of Object.keys(rubricIn)) {
    if (!(categoryIds as readonly string[]).includes(id)) throw new Error(`${where}: unknown category "${id}"`)
    const at = `${where}.${id}`
    const category = object(rubricIn[id], at)
    const parsed: CategoryRubric = {
      score: score(category.score, `${at}.score`),
      met: array(category.met, `${at}.met`).map((item, index) => parseItem(item, `${at}.met[${index}]`)),
      missed: array(category.missed, `${at}.missed`).map((item, index) => parseItem(item, `${at}.missed[${index}]`)),
      deductions: array(category.deductions ?? [], `${at}.deductions`).map((item, index) => parseDeduction(item, `${at}.deductions[${index}]`)),
    }
    rubric[id as CategoryId] = parsed
  }
  return rubric
}

function parseResult(value: unknown, where: string): LintResult {
  const item = object(value, where)
  const messages = item.messages
  if (!Array.isArray(messages)) throw new Error(`${where}.messages: expected an array`)
  const skipped = item.skipped === undefined ? undefined : string(item.skipped, `${where}.skipped`)
  const categoriesIn = object(item.categories ?? {}, `${where}.categories`)
  const categories: Partial<Record<CategoryId, number>> = {}
  for (const id of categoryIds) {
    if (categoriesIn[id] !== undefined) categories[id] = score(categoriesIn[id], `${where}.categories.${id}`)
  }
  // A skipped file has no score: null, or 100 in reports written before the rubric existed (accepted, and dropped).
  const scoreIn = skipped !== undefined && item.score === null ? null : score(item.score, `${where}.score`)
  const result: LintResult = {
    filePath: string(item.filePath, `${where}.filePath`),
    messages: messages.map((message, index) => parseMessage(message, `${where}.messages[${index}]`)),
    errorCount: integer(item.errorCount, `${where}.errorCount`),
    warningCount: integer(item.warningCount, `${where}.warningCount`),
    score: skipped === undefined ? scoreIn : null,
    categories: skipped === undefined ? categories : {},
  }
  if (item.rubric !== undefined && skipped === undefined) result.rubric = parseRubric(item.rubric, `${where}.rubric`)
  else if (item.rubric !== undefined) parseRubric(item.rubric, `${where}.rubric`)
  if (skipped !== undefined) result.skipped = skipped
  if (item.fatal !== undefined) result.fatal = string(item.fatal, `${where}.fatal`)
  return result
}

function parseMessage(value: unknown, where: string): LintMessage {
  const item = object(value, where)
  const severity = integer(item.severity, `${where}.severity`, 1, 2) as 1 | 2
  const category = string(item.category ?? 'blameless-tone', `${where}.category`)
  if (!(categoryIds as readonly string[]).includes(category)) throw new Error(`${where}.category: unknown category "${category}"`)
  const message: LintMessage = {
    ruleId: string(item.ruleId, `${where}.ruleId`),
    messageId: string(item.messageId ?? '', `${where}.messageId`),
    severity,
    category: category as CategoryId,
    message: string(item.message, `${where}.message`),
    line: integer(item.line, `${where}.line`, 1),
    column: integer(item.column, `${where}.column`, 1),
    endLine: integer(item.endLine ?? item.line, `${where}.endLine`, 1),
    endColumn: integer(item.endColumn ?? item.column, `${where}.endColumn`, 1),
    docsUrl: string(item.docsUrl ?? '', `${where}.docsUrl`),
  }
  if (item.suggestion !== undefined) message.suggestion = string(item.suggestion, `${where}.suggestion`)
  return message
}
