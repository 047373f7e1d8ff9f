/**
 * The desk's day. A report's `YYYY-MM-DD` is a calendar day of the workstation's own clock (main's
 * process time zone; for desks joined to a hub, the hub's: one hospital, one zone), midnight to
 * midnight. Bangladesh is UTC+6 without summer time, so a Dhaka desk's day starts at 18:00 UTC the
 * evening before. Days are stepped by the calendar (not by 24 hours), so a desk in a zone with
 * summer time still gets its 23- and 25-hour days right.
 */
import { format } from 'date-fns'

export function dayStart(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d)
}

/** The midnight `days` calendar days after the start of `date`. */
export function dayAfter(date: string, days = 1): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + days)
}

/** The desk day an instant falls on. */
export function deskDateOf(instant: Date): string {
  return format(instant, 'yyyy-MM-dd')
}

export function deskTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local'
}
