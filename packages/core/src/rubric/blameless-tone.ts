import type { CategoryEvidence } from './context.js'

/**
 * Blameless tone: judged by findings alone (there is no evidence of blamelessness but the absence
 * of blame). The checklist's `no-blame` item loses `perFinding` points for every blaming sentence
 * blameless-language finds and every action action-specificity finds aimed at people.
 */
export const blamelessToneEvidence: CategoryEvidence = () => ({})
