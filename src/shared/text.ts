/**
 * The one rule for text a person types: every name, address, reason and note of the contract is
 * built here. Text is stored in Unicode NFC (Bangla typed in another normal form still matches)
 * without the characters nobody types into a form: control characters (a NUL once broke the name
 * search), lone surrogates (stored as invalid UTF-8, read back as U+FFFD: silent corruption),
 * private-use characters (the search index uses them as hospital keys), bidirectional overrides
 * (which make a name read differently than it is stored) and non-characters. Zero-width joiners
 * stay: Bangla needs them for its conjuncts. At least one visible character, so a name can be seen.
 * Line breaks only where a field is meant to hold lines (notes, reasons).
 */
import { z } from 'zod'

const LONE_SURROGATE = /\p{Cs}/u
const CONTROL = /\p{Cc}/u
const CONTROL_BUT_LINES = /[^\P{Cc}\n\t]/u
const LINE_SEPARATORS = /[\u2028\u2029]/u
const INVISIBLE_TRICKS = /[\p{Co}\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]/u
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u

export const TEXT_MESSAGES = {
  surrogate: 'holds a broken character (an unpaired surrogate); type it again',
  control: 'must not contain control characters',
  controlLines: 'must not contain control characters (line breaks and tabs are fine)',
  lines: 'must be one line',
  tricks: 'must not contain private-use, direction-override or non-characters',
  visible: 'must contain visible text',
} as const

function textRule(max: number, min: number, lines: boolean) {
  let s = z
    .string({ error: min > 0 ? 'is required' : 'must be text' })
    .refine((v) => !LONE_SURROGATE.test(v), { message: TEXT_MESSAGES.surrogate, abort: true })
    .normalize('NFC')
  if (lines) s = s.overwrite((v) => v.replace(/\r\n?|[\u2028\u2029]/g, '\n'))
  s = s.trim()
  if (min > 0) s = s.min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
  s = s.max(max, `must be at most ${max} characters`)
  if (lines) s = s.refine((v) => !CONTROL_BUT_LINES.test(v), TEXT_MESSAGES.controlLines)
  else
    s = s
      .refine((v) => !CONTROL.test(v), TEXT_MESSAGES.control)
      .refine((v) => !LINE_SEPARATORS.test(v), TEXT_MESSAGES.lines)
  s = s.refine((v) => !INVISIBLE_TRICKS.test(v), TEXT_MESSAGES.tricks)
  if (min > 0) s = s.refine((v) => VISIBLE.test(v), TEXT_MESSAGES.visible)
  return s
}

/** One line a person types: a name, an address, a place. */
export function humanText(max: number, options: { min?: number } = {}) {
  return textRule(max, options.min ?? 1, false)
}

/** Text that may hold lines: notes, reasons, descriptions. */
export function humanLines(max: number, options: { min?: number } = {}) {
  return textRule(max, options.min ?? 1, true)
}

/** What a search box sends: may be empty, otherwise the same rule as one line of text. */
export function searchText(max = 100) {
  return textRule(max, 0, false)
}

/** True when `value` passes the text rule (for code that checks text outside a schema). */
export function isCleanText(value: string, lines = false): boolean {
  return (
    !LONE_SURROGATE.test(value) &&
    !(lines ? CONTROL_BUT_LINES : CONTROL).test(value) &&
    !INVISIBLE_TRICKS.test(value)
  )
}
