/**
 * Dates and times, written one way everywhere (day before month, 24-hour clock, local time):
 * "29 Nov 2026", "29 Nov 2026, 14:05", "Today 14:05", "3 hours ago".
 */
import {
  addHours,
  addYears,
  differenceInMinutes,
  format,
  formatDistanceStrict,
  isValid,
  isToday,
  isYesterday,
} from 'date-fns'

/** An instant from the database: ISO 8601, or SQLite's "YYYY-MM-DD HH:MM:SS" (UTC). */
export function parseInstant(value: string | Date | null | undefined): Date | null {
  if (value == null || value === '') return null
  if (value instanceof Date) return isValid(value) ? value : null
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(value) ? `${value.replace(' ', 'T')}Z` : value
  const d = new Date(text)
  return isValid(d) ? d : null
}

const NONE = '—'

/** "29 Nov 2026". */
export function formatDate(value: string | Date | null | undefined): string {
  const d = parseInstant(value)
  return d ? format(d, 'd MMM yyyy') : NONE
}

/** "29 Nov 2026, 14:05". */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = parseInstant(value)
  return d ? format(d, 'd MMM yyyy, HH:mm') : NONE
}

/** "14:05". */
export function formatTime(value: string | Date | null | undefined): string {
  const d = parseInstant(value)
  return d ? format(d, 'HH:mm') : NONE
}

/** For lists: "Today 14:05", "Yesterday 09:10", else "29 Nov 2026, 14:05". */
export function formatWhen(value: string | Date | null | undefined): string {
  const d = parseInstant(value)
  if (!d) return NONE
  if (isToday(d)) return `Today ${format(d, 'HH:mm')}`
  if (isYesterday(d)) return `Yesterday ${format(d, 'HH:mm')}`
  return format(d, 'd MMM yyyy, HH:mm')
}

/** "in 5 hours" / "3 hours ago", relative to now. */
export function formatFromNow(value: string | Date, now: Date = new Date()): string {
  const d = parseInstant(value)
  if (!d) return NONE
  const text = formatDistanceStrict(d, now)
  return d.getTime() >= now.getTime() ? `in ${text}` : `${text} ago`
}

/** A waiting time, short: "12 min", "3 h 05 min", "2 d 4 h". */
export function formatWaited(since: string | Date, now: Date = new Date()): string {
  const d = parseInstant(since)
  if (!d) return NONE
  const minutes = Math.max(0, differenceInMinutes(now, d))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`
  return `${Math.floor(hours / 24)} d ${hours % 24} h`
}

/** A calendar day (yyyy-mm-dd, local) written out in full: "Sunday 29 November 2026". */
export function formatLongDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return format(new Date(y, m - 1, d), 'EEEE d MMMM yyyy')
}

/** A datetime-local input's value (local time) for an instant, and back to ISO. */
export function toLocalInput(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm")
}
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined
  const d = new Date(value)
  return isValid(d) ? d.toISOString() : undefined
}

/** A date input's value (yyyy-mm-dd, local day) for an instant. */
export function toDayInput(date: Date): string {
  return format(date, 'yyyy-MM-dd')
}

/** What is wrong with a booking's scheduled time, or null: main refuses it, and forms say it at once. */
export function scheduleProblem(scheduled: Date, now: Date): string | null {
  if (scheduled < addHours(now, -24)) return 'must not be more than 24 hours in the past'
  if (scheduled > addYears(now, 1)) return 'must be within a year from now'
  return null
}
