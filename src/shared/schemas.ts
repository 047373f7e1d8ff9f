/** Field schemas shared by every area's contract, so a rule is written once. */
import { z } from 'zod'
import { toAsciiDigits } from './locale/digits'
import { normalisePhone } from './phone'
import { humanText } from './text'

export const ROLES = ['user', 'hospital-authority', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const RESOURCE_TYPES = ['beds', 'icu', 'operationTheatres'] as const
export type ResourceType = (typeof RESOURCE_TYPES)[number]
export const URGENCIES = ['low', 'medium', 'high', 'critical'] as const
export type Urgency = (typeof URGENCIES)[number]

export const id = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be positive')

/** One line of human text (see text.ts): the name most of the contract already uses. */
export const trimmed = (max: number, min = 1) => humanText(max, { min })

export const email = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address like name@hospital.org'))

/**
 * A real phone number (libphonenumber-js, Bangladesh by default: see phone.ts), stored in E.164.
 * `0      0`, `0------0` or `+0000000` are not numbers.
 */
export const phone = z
  .string({ error: 'is required' })
  .trim()
  .max(40, 'must be at most 40 characters')
  .transform((value, ctx) => {
    const e164 = normalisePhone(value)
    if (e164) return e164
    ctx.addIssue({
      code: 'custom',
      message: 'must be a phone number, like 01711-223344 or +44 20 7946 0958 for one abroad',
    })
    return z.NEVER
  })

/** The instants the desk can mean: julianday() reads them, and no year has five digits. */
export const EARLIEST_DATE = '2000-01-01T00:00:00.000Z'
export const LATEST_DATE = '2100-01-01T00:00:00.000Z'

/** Whether the year-month-day written is a day of the calendar (no 30 February). */
function realCalendarDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/**
 * ISO 8601 date-time with an offset or Z (Bangla digits read as ASCII), a real day, from 2000 to
 * 2099; compared as instants.
 */
export const isoDateTime = z
  .string({ error: 'must be an ISO 8601 date-time' })
  .transform(toAsciiDigits)
  .pipe(
    z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
      .refine(realCalendarDay, { message: 'is not a day of the calendar', abort: true })
      .refine(
        (v) => Date.parse(v) >= Date.parse(EARLIEST_DATE) && Date.parse(v) < Date.parse(LATEST_DATE),
        'must be a date between the years 2000 and 2099',
      ),
  )

/** How far ahead a date may lie, in years, by what it means (checked against the desk's clock). */
export const AHEAD_YEARS = {
  /** A booking's scheduled date and a blood request's required-by: within a year. */
  booking: 1,
  blood: 1,
  /** A price may be scheduled up to five years ahead. */
  price: 5,
} as const

/** The message when `iso` lies more than `years` after `now`, else null. */
export function tooFarAhead(iso: string, now: Date, years: number): string | null {
  const limit = new Date(now.getTime())
  limit.setUTCFullYear(limit.getUTCFullYear() + years)
  if (Date.parse(iso) <= limit.getTime()) return null
  return `must be within ${years === 1 ? 'a year' : `${years} years`} from now`
}

/** One rule for every from/to pair: `to` must not be before `from`. */
export function orderedRange<T extends z.ZodType<Record<string, unknown>>>(
  schema: T,
  from: string,
  to: string,
) {
  return schema.refine(
    (v) => {
      const a = v[from]
      const b = v[to]
      return typeof a !== 'string' || typeof b !== 'string' || Date.parse(a) <= Date.parse(b)
    },
    { path: [to], message: 'must not be before the start date' },
  )
}
/** Money: whole paisa. ৳1,234.50 is 123450. */
export const paisa = z
  .number({ error: 'must be a number' })
  .int('must be a whole number of paisa')
  .positive('must be more than zero')
  .max(10_000_000_000, 'is too large')

export const PASSWORD_RULE = 'At least 10 characters, with at least one letter and one digit.'
export const password = z
  .string({ error: 'is required' })
  .min(10, PASSWORD_RULE)
  .max(200, 'must be at most 200 characters')
  .regex(/[A-Za-z\p{L}]/u, PASSWORD_RULE)
  .regex(/[0-9]/, PASSWORD_RULE)
  // A lone surrogate becomes U+FFFD on the way to the hash: two different passwords would match.
  .refine((v) => !/\p{Cs}/u.test(v), 'holds a broken character (an unpaired surrogate)')

/** The one-time code `serve` prints while the desk has no administrator (see main's setupCode.ts). */
export const setupCode = z
  .string({ error: 'is required: the line “Setup code: …” printed where the desk was started' })
  .trim()
  .regex(/^[0-9]{4}[ -]?[0-9]{4}$/, 'must be the 8-digit setup code, like 4821-9930')

export const page = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
}

export interface Paged<T> {
  items: T[]
  total: number
}

/**
 * For an object-level check (`superRefine(fn, whenValid('a', 'b'))`): by default zod skips it while
 * any field of the object has failed, so a form would hear of it only in a second round. This runs
 * it regardless, as soon as the fields it reads are themselves valid.
 */
export function whenValid(...fields: string[]): { when: (payload: z.core.ParsePayload) => boolean } {
  // Only on an object: a refinement reading `v.field` would throw on null or a string (found by the fuzz).
  return {
    when: (payload) =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      !Array.isArray(payload.value) &&
      !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
  }
}
