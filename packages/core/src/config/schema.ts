import { z } from 'zod'
import { categoryIds } from '../rubric/categories.js'

export const presetNames = ['recommended', 'strict'] as const
export type PresetName = (typeof presetNames)[number]

const severity = z.union([z.enum(['off', 'warn', 'error']), z.literal(0), z.literal(1), z.literal(2)], {
  error: () => 'expected "off", "warn" or "error" (or 0, 1, 2)',
})
export type SeveritySetting = z.infer<typeof severity>

export const ruleSettingSchema = z.union([severity, z.tuple([severity]), z.tuple([severity, z.unknown()])], {
  error: () => 'expected a severity ("off", "warn", "error") or [severity, options]',
})
export type RuleSetting = z.infer<typeof ruleSettingSchema>

const preset = z
  .string()
  .transform((value) => value.replace(/^postmortem-lint:/, ''))
  .pipe(z.enum(presetNames, { error: () => `expected one of ${presetNames.map((name) => `"${name}"`).join(', ')}` }))

const customRule = z.looseObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*(?:\/[a-z0-9-]+)?$/, 'rule ids are kebab-case, optionally "plugin/rule"'),
  meta: z.looseObject({
    description: z.string(),
    category: z.enum(categoryIds as [string, ...string[]]),
    defaultSeverity: z.enum(['warn', 'error']),
    messages: z.record(z.string(), z.string()),
    // Checked here because the rubric subtracts them: a negative or NaN penalty would corrupt scores.
    penalties: z.record(z.string(), z.number().min(0).max(100)).optional(),
    docsUrl: z.string().optional(),
  }),
  check: z.custom<(...args: unknown[]) => unknown>((value) => typeof value === 'function', 'check must be a function'),
})

/** The configuration a user writes, in any of the supported files. */
export const userConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    extends: z
      .union([preset, z.array(preset)], {
        error: () => `expected a preset name (${presetNames.map((name) => `"${name}"`).join(', ')}) or a list of them`,
      })
      .optional(),
    rules: z.record(z.string(), ruleSettingSchema).optional(),
    include: z.array(z.string().min(1)).optional(),
    ignore: z.array(z.string().min(1)).optional(),
    weights: z.partialRecord(z.enum(categoryIds as [string, ...string[]]), z.number().min(0).max(100)).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
    reportUnusedDisableDirectives: z.union([z.boolean(), z.enum(['warn', 'error'])]).optional(),
    customRules: z.array(customRule).optional(),
  })

export type UserConfig = z.input<typeof userConfigSchema>
