/**
 * Phone numbers, Bangladesh first. Validated with libphonenumber-js (Google's libphonenumber
 * metadata, kept current by its maintainers) rather than a pattern of our own: mobile
 * 01XXXXXXXXX / +8801XXXXXXXXX, landlines with their area codes, and foreign numbers written in
 * international form. Stored in one normalised form, E.164 (`+8801711223344`), so the same number
 * typed two ways is one number; shown formatted, national for Bangladesh (`01711-223344`),
 * international for the rest.
 */
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max'
import { toAsciiDigits } from './locale/digits'

export const DEFAULT_COUNTRY = 'BD'

function parse(text: string): PhoneNumber | undefined {
  const t = toAsciiDigits(text).trim()
  // Only what people put in a phone number: digits, a leading +, spaces, dashes, dots, brackets.
  if (!/^\+?[0-9 ().-]+$/.test(t)) return undefined
  return parsePhoneNumberFromString(t, DEFAULT_COUNTRY)
}

/** The E.164 form of a real phone number, or null when it is not one. */
export function normalisePhone(text: string): string | null {
  const n = parse(text)
  return n && n.isValid() ? n.number : null
}

/**
 * As a person writes it, in ASCII digits: `01711-223344` for Bangladesh, `+44 20 7946 0958` for the
 * rest. Screens show `formatPhone` (format.ts), which puts this in the user's digits.
 */
export function writtenPhone(stored: string | null | undefined): string {
  if (!stored) return ''
  const n = parse(stored)
  if (!n || !n.isValid()) return stored // an adopted legacy value the desk kept as it was
  return n.country === DEFAULT_COUNTRY ? n.formatNational() : n.formatInternational()
}

/**
 * The start of a number as a search box has it, in the stored (E.164) form, so `01711`, `+880 1711`
 * and `8801711` all find `+8801711223344`. Null when it is no number's start.
 */
export function phoneSearchPrefix(text: string): string | null {
  const digits = toAsciiDigits(text).replace(/[\s().-]/g, '')
  if (!/^\+?[0-9]{3,}$/.test(digits)) return null
  if (digits.startsWith('+')) return digits
  if (digits.startsWith('00')) return `+${digits.slice(2)}`
  if (digits.startsWith('880')) return `+${digits}`
  if (digits.startsWith('0')) return `+880${digits.slice(1)}`
  return `+880${digits}`
}
