/**
 * Dates and times, written one way a language, everywhere: day before month, 24-hour clock, local time.
 *   English: "29 Nov 2026", "29 Nov 2026, 14:05", "Today 14:05", "3 hours ago".
 *   Bangla:  "২৯ নভেম্বর ২০২৬", "২৯ নভেম্বর ২০২৬, ১৪:০৫", "আজ ১৪:০৫", "৩ ঘণ্টা আগে"
 *            (ASCII digits when the user turned Bangla digits off).
 * Every function takes an optional language last (main names it; the renderer's screens leave it out
 * and get the user's current choice, see locale/display.ts).
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
import { bn as bnDates } from 'date-fns/locale'
import { commonWords, fill } from './labels'
import { toBanglaDigits } from './locale/digits'
import { localeOf, type DisplayLocale, type LocaleArg } from './locale/display'
import { writtenPhone } from './phone'

/** An instant from the database: ISO 8601, or SQLite's "YYYY-MM-DD HH:MM:SS" (UTC). */
export function parseInstant(value: string | Date | null | undefined): Date | null {
  if (value == null || value === '') return null
  if (value instanceof Date) return isValid(value) ? value : null
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(value) ? `${value.replace(' ', 'T')}Z` : value
  const d = new Date(text)
  return isValid(d) ? d : null
}

type When = string | Date | null | undefined

/** The one date style of each language: a short month in English, the full month in Bangla. */
const DAY = { en: 'd MMM yyyy', bn: 'd MMMM yyyy' } as const
const LONG_DAY = { en: 'EEEE d MMMM yyyy', bn: 'EEEE, d MMMM yyyy' } as const
const DAY_MONTH = { en: 'd MMM', bn: 'd MMMM' } as const
const CLOCK = 'HH:mm'

/** date-fns in the locale's language, then the locale's digits. */
function written(d: Date, pattern: string, locale: DisplayLocale): string {
  const text = locale.language === 'bn' ? format(d, pattern, { locale: bnDates }) : format(d, pattern)
  return digitsOf(text, locale)
}

function digitsOf(text: string, locale: DisplayLocale): string {
  return locale.digits === 'beng' ? toBanglaDigits(text) : text
}

/** An absent date is a dash in every language. */
const NONE = '—'

/** "29 Nov 2026" / "২৯ নভেম্বর ২০২৬". */
export function formatDate(value: When, lng?: LocaleArg): string {
  const d = parseInstant(value)
  const locale = localeOf(lng)
  return d ? written(d, DAY[locale.language], locale) : NONE
}

/** "29 Nov 2026, 14:05" / "২৯ নভেম্বর ২০২৬, ১৪:০৫". */
export function formatDateTime(value: When, lng?: LocaleArg): string {
  const d = parseInstant(value)
  const locale = localeOf(lng)
  return d ? written(d, `${DAY[locale.language]}, ${CLOCK}`, locale) : NONE
}

/** "14:05" / "১৪:০৫". */
export function formatTime(value: When, lng?: LocaleArg): string {
  const d = parseInstant(value)
  return d ? written(d, CLOCK, localeOf(lng)) : NONE
}

/** For lists: "Today 14:05", "Yesterday 09:10", else "29 Nov 2026, 14:05". */
export function formatWhen(value: When, lng?: LocaleArg): string {
  const d = parseInstant(value)
  if (!d) return NONE
  const words = commonWords(lng).time
  if (isToday(d)) return fill(words.today, { time: formatTime(d, lng) })
  if (isYesterday(d)) return fill(words.yesterday, { time: formatTime(d, lng) })
  return formatDateTime(d, lng)
}

const UNITS = ['second', 'minute', 'hour', 'day', 'month', 'year'] as const

/** "in 5 hours" / "3 hours ago" ("৫ ঘণ্টা পরে" / "৩ ঘণ্টা আগে"), relative to now. */
export function formatFromNow(value: string | Date, now: Date = new Date(), lng?: LocaleArg): string {
  const d = parseInstant(value)
  if (!d) return NONE
  const locale = localeOf(lng)
  const words = commonWords(lng).time
  // date-fns measures the span (its rounding and unit choice); the catalogue says it in each language.
  const english = formatDistanceStrict(d, now)
  const [count, unit] = english.split(' ') as [string, string]
  const key = UNITS.find((u) => unit.startsWith(u))
  const span =
    locale.language === 'en' || !key
      ? english
      : fill(words[`${key}_${Number(count) === 1 ? 'one' : 'other'}`], { count: digitsOf(count, locale) })
  return fill(d.getTime() >= now.getTime() ? words.future : words.past, { span })
}

/** A waiting time, short: "12 min", "3 h 05 min", "2 d 4 h" ("৩ ঘণ্টা ০৫ মিনিট"). */
export function formatWaited(since: string | Date, now: Date = new Date(), lng?: LocaleArg): string {
  const d = parseInstant(since)
  if (!d) return NONE
  const locale = localeOf(lng)
  const words = commonWords(lng).time
  const n = (x: number, pad = false) => digitsOf(pad ? String(x).padStart(2, '0') : String(x), locale)
  const minutes = Math.max(0, differenceInMinutes(now, d))
  if (minutes < 60) return fill(words.waitedMinutes, { m: n(minutes) })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return fill(words.waitedHours, { h: n(hours), m: n(minutes % 60, true) })
  return fill(words.waitedDays, { d: n(Math.floor(hours / 24)), h: n(hours % 24) })
}

/** A calendar day (yyyy-mm-dd, local) written out in full: "Sunday 29 November 2026". */
export function formatLongDay(day: string, lng?: LocaleArg): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const locale = localeOf(lng)
  return written(new Date(y, m - 1, d), LONG_DAY[locale.language], locale)
}

/** A day without its year, where the year is plain from around it (a chart's axis): "29 Nov" / "২৯ নভেম্বর". */
export function formatDayMonth(value: When, lng?: LocaleArg): string {
  const d = parseInstant(value)
  const locale = localeOf(lng)
  return d ? written(d, DAY_MONTH[locale.language], locale) : NONE
}

/**
 * A phone number on screen and on paper: `01711-223344` (a foreign one `+44 20 7946 0958`), and
 * `০১৭১১-২২৩৩৪৪` when the user reads Bangla digits. A receptionist reads a number aloud or dials it
 * from the screen, so it is written as Bangla print writes numbers; the desk takes either digits
 * back (search and every phone box). A `tel:` link keeps the stored ASCII form.
 * Booking references and receipt numbers are codes, not numbers: they stay ASCII in every language
 * (why: receiptNumber, renderer/payments/PaymentsDialogs.tsx).
 */
export function formatPhone(stored: string | null | undefined, lng?: LocaleArg): string {
  return digitsOf(writtenPhone(stored), localeOf(lng))
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
export function scheduleProblem(scheduled: Date, now: Date, lng?: LocaleArg): string | null {
  const words = commonWords(lng).schedule
  if (scheduled < addHours(now, -24)) return words.tooOld
  if (scheduled > addYears(now, 1)) return words.tooFar
  return null
}
