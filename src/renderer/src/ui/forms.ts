import { DeskError } from '../../../shared/errors'

/** What forms share beyond the fields themselves. */

/** Turn an optional form text into what a channel takes: trimmed, or undefined when empty. */
export function optional(text: string): string | undefined {
  const t = text.trim()
  return t === '' ? undefined : t
}

/**
 * A form's own checks, all at once: the fields with a problem as one VALIDATION error (each shown
 * beside its field), or null when every field is fine. Nothing waits for another field's fix.
 */
export function formProblems(problems: Record<string, string | undefined | false>): DeskError | null {
  const found = Object.fromEntries(
    Object.entries(problems).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
  return Object.keys(found).length ? new DeskError('VALIDATION', '', {}).withFields(found) : null
}
