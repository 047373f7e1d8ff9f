/**
 * Money at the desk: integer paisa everywhere (৳1,234.50 is 123450), shown through one formatter.
 * Nothing here multiplies a float by 100: text is parsed digit by digit, so no amount is ever off
 * by a paisa because 0.1 has no exact binary form.
 */

import { commonWords } from './labels'
import * as common from './i18n/areas/common'
import { toAsciiDigits, toBanglaDigits } from './locale/digits'
import { localeOf, type Digits, type LocaleArg } from './locale/display'

export type { Digits }

export const CURRENCY = 'BDT'
export const TAKA = '৳'

export const PAYMENT_METHODS = ['cash', 'card', 'bkash', 'nagad', 'rocket', 'bank'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/** A payment method's name in the current language (words in i18n/areas/common.ts), read afresh each time. */
export const PAYMENT_METHOD_LABEL: Readonly<Record<PaymentMethod, string>> = (() => {
  const out = {} as Record<PaymentMethod, string>
  for (const m of Object.keys(common.en.paymentMethod) as PaymentMethod[]) {
    Object.defineProperty(out, m, { enumerable: true, get: () => commonWords().paymentMethod[m] })
  }
  return Object.freeze(out)
})()

/** A payment method's name in a named language (main's messages, the printed receipt). */
export function paymentMethodLabel(method: PaymentMethod, lng?: LocaleArg): string {
  return commonWords(lng).paymentMethod[method] ?? method
}

/**
 * Which digits an amount is shown in: named (`'latn'`, `'beng'`), or a language's choice (`'bn'`, a
 * DisplayLocale), else the renderer's current choice. Amounts are always grouped the way Bangladesh
 * writes them (lakh and crore: 1,00,00,000), whichever digits.
 */
function digitsFor(arg?: Digits | LocaleArg): Digits {
  return arg === 'latn' || arg === 'beng' ? arg : localeOf(arg).digits
}

// en-IN is ICU's lakh/crore grouping (3 digits, then 2s); whole taka only, so no float is involved.
const LAKH = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0, useGrouping: true })

/** A whole number in lakh/crore grouping: `10000000` → `1,00,00,000` (or `১,০০,০০,০০০`). */
export function formatGrouped(n: number, digits?: Digits | LocaleArg): string {
  const text = LAKH.format(n)
  return digitsFor(digits) === 'beng' ? toBanglaDigits(text) : text
}

/** `123450` → `৳1,234.50`, `10000000` → `৳1,00,000.00`; negatives as `−৳1,234.50`. */
export function formatMoney(paisa: number, digits?: Digits | LocaleArg): string {
  if (!Number.isSafeInteger(paisa)) return `${TAKA}—`
  const sign = paisa < 0 ? '−' : ''
  const abs = Math.abs(paisa)
  const taka = Math.floor(abs / 100)
  const rest = abs % 100
  const text = `${sign}${TAKA}${LAKH.format(taka)}.${String(rest).padStart(2, '0')}`
  return digitsFor(digits) === 'beng' ? toBanglaDigits(text) : text
}

/** Paisa as plain editable text: `123450` → `1234.50`. */
export function moneyInputText(paisa: number): string {
  const abs = Math.abs(paisa)
  return `${paisa < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export type ParsedMoney = { ok: true; paisa: number } | { ok: false; message: string }

/**
 * What a person typed (`1234.5`, `1,00,000.50`, `৳ 1234`, `১২৩৪.৫০`) as paisa. Refuses fractions of a paisa,
 * signs and anything that is not a number, with a message fit to show beside the field.
 */
export function parseMoney(text: string, lng?: LocaleArg): ParsedMoney {
  const words = commonWords(lng).amount
  const t = toAsciiDigits(text).trim().replace(/^৳\s*/, '').replace(/,/g, '')
  if (t === '') return { ok: false, message: words.required }
  if (t.startsWith('-')) return { ok: false, message: words.positive }
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t)
  if (!m) return { ok: false, message: words.notAmount }
  const frac = m[2] ?? ''
  if (frac.length > 2) return { ok: false, message: words.fraction }
  const taka = m[1]!.replace(/^0+(?=\d)/, '')
  if (taka.length > 12) return { ok: false, message: words.tooLarge }
  return { ok: true, paisa: Number(taka) * 100 + Number(frac.padEnd(2, '0')) }
}

/**
 * A decimal with at most two places (a percentage, a multiplier) as whole hundredths, refusing a
 * third decimal. `1.5` → 150. Used for numbers that arrive as JSON numbers.
 */
export function toHundredths(value: number): number | null {
  const scaled = value * 100
  const rounded = Math.round(scaled)
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null
}

/** `150` → `1.50`. */
export function formatHundredths(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
}

/** One payment method's platform fee: a percentage (in basis points, 150 = 1.50%) plus a fixed part. */
export interface FeeRule {
  percentBasisPoints: number
  fixedFee: number
}

export const NO_FEE: FeeRule = { percentBasisPoints: 0, fixedFee: 0 }

/**
 * Split a payment into the platform's fee and the hospital's share. Integer arithmetic only, the
 * percentage rounded half up to the paisa, the fee never more than the amount: so
 * `platformFee + hospitalShare === amount` exactly, for every amount.
 */
export function splitFee(amount: number, rule: FeeRule): { platformFee: number; hospitalShare: number } {
  const percentPart = Math.floor((amount * rule.percentBasisPoints + 5000) / 10000)
  const platformFee = Math.min(amount, Math.max(0, percentPart + rule.fixedFee))
  return { platformFee, hospitalShare: amount - platformFee }
}
