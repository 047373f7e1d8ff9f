/**
 * Date and time as people at a Bangladeshi desk type them: `31/12/2026 10:00` (day first, as the
 * country writes it), `2026-12-31 10:00` (ISO order), either in Bangla digits. One clock: 24-hour.
 * Read as this desk's local time; date-fns parses strictly, so 31/02 or 25:00 is not a date.
 */
import { format, isValid, parse } from 'date-fns'
import { toAsciiDigits } from './digits'

/** The shape a date box shows and a hint names: day first, 24-hour. */
export const DATE_TIME_ENTRY = 'dd/MM/yyyy HH:mm'
export const DATE_ENTRY = 'dd/MM/yyyy'

// Tried in order; day-first before anything else, since 03/04/2026 here is the 3rd of April.
const DATE_TIME_FORMATS = [
  'd/M/yyyy H:mm',
  'd-M-yyyy H:mm',
  'd.M.yyyy H:mm',
  'yyyy-M-d H:mm',
  "yyyy-M-d'T'H:mm",
  'd/M/yyyy',
  'd-M-yyyy',
  'd.M.yyyy',
  'yyyy-M-d',
]

/**
 * What a person typed as a local date-time, or null when it is not one. A date alone means the start
 * of that day. `now` is only the reference date-fns needs for missing parts (there are none here).
 */
export function parseDateTimeEntry(text: string, now: Date = new Date()): Date | null {
  const t = toAsciiDigits(text).trim().replace(/\s+/g, ' ').replace(/,/g, '')
  if (!t) return null
  for (const pattern of DATE_TIME_FORMATS) {
    const d = parse(t, pattern, now)
    // date-fns accepts a 2-digit year for yyyy; a booking is never in the first century.
    if (isValid(d) && d.getFullYear() >= 1900) return d
  }
  return null
}

/** A date the other way, for a box: `31/12/2026 10:00`. */
export function formatDateTimeEntry(date: Date): string {
  return format(date, DATE_TIME_ENTRY)
}
