/**
 * Every word the desk shows for a code value, in one place: main's messages and every screen read
 * these, so a theatre is never "Theatre" on one screen and "Operation theatre" on the next.
 *
 * The words live in the catalogue (i18n/areas/common.ts) in both languages. The *_LABEL records
 * answer in the renderer's current language (locale/display.ts) each time they are read, so a screen
 * writes `URGENCY_LABEL[u]` and follows the user's switch; main, which answers many users, names the
 * language: `urgencyLabel(u, 'bn')`, `resourceLabel(type, 'one', 'bn')`.
 */
import type { BloodStatus } from './contract/blood'
import type { BookingStatus, Gender } from './contract/bookings'
import type { HospitalStatus, Weekday } from './contract/hospitals'
import type { PaymentStatus } from './contract/payments'
import type { UserStatus } from './contract/users'
import type { LedgerType } from './contract/wallet'
import type { AuditAction } from './contract/audit'
import * as common from './i18n/areas/common'
import { localeOf, type LocaleArg } from './locale/display'
import { toBanglaDigits } from './locale/digits'
import type { ResourceType, Role, Urgency } from './schemas'

export type CommonWords = typeof common.en
const WORDS: Record<'en' | 'bn', CommonWords> = { en: common.en, bn: common.bn }

/** The common words in a language (the renderer's current one when none is named). */
export function commonWords(lng?: LocaleArg): CommonWords {
  return WORDS[localeOf(lng).language]
}

/** `{{name}}` placeholders filled from params: the catalogue's syntax, usable in main without i18next. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  )
}

/**
 * A record of labels whose every read answers in the current language. Getters, not a snapshot, so
 * `Object.entries(ROLE_LABEL)` and `ROLE_LABEL[r]` both follow a language switch.
 */
function following<K extends string, V>(pick: (w: CommonWords) => Record<K, V>): Readonly<Record<K, V>> {
  const out = {} as Record<K, V>
  for (const key of Object.keys(pick(common.en)) as K[]) {
    Object.defineProperty(out, key, { enumerable: true, get: () => pick(commonWords())[key] })
  }
  return Object.freeze(out)
}

/** A resource type in a sentence: "a bed", "2 ICU beds", "no operation theatres". */
export const RESOURCE_LABEL: Readonly<Record<ResourceType, { one: string; many: string }>> = following(
  (w) => w.resource,
)
export const URGENCY_LABEL: Readonly<Record<Urgency, string>> = following((w) => w.urgency)
export const BOOKING_STATUS_LABEL: Readonly<Record<BookingStatus, string>> = following((w) => w.bookingStatus)
export const HOSPITAL_STATUS_LABEL: Readonly<Record<HospitalStatus, string>> = following(
  (w) => w.hospitalStatus,
)
export const PAYMENT_STATUS_LABEL: Readonly<Record<PaymentStatus, string>> = following((w) => w.paymentStatus)
export const ROLE_LABEL: Readonly<Record<Role, string>> = following((w) => w.role)
export const USER_STATUS_LABEL: Readonly<Record<UserStatus, string>> = following((w) => w.userStatus)
export const GENDER_LABEL: Readonly<Record<Gender, string>> = following((w) => w.gender)
export const BLOOD_STATUS_LABEL: Readonly<Record<BloodStatus, string>> = following((w) => w.bloodStatus)
export const LEDGER_TYPE_LABEL: Readonly<Record<LedgerType, string>> = following((w) => w.ledgerType)
export const AUDIT_ACTION_LABEL: Readonly<Record<AuditAction, string>> = following((w) => w.auditAction)
export const WEEKDAY_LABEL: Readonly<Record<Weekday, string>> = following((w) => w.weekday)

/** One resource type's word in a named language (main's messages): "bed" / "beds" / "শয্যা". */
export function resourceLabel(type: ResourceType, count: 'one' | 'many', lng?: LocaleArg): string {
  return commonWords(lng).resource[type][count]
}

/** A resource type as a heading or column value: "Beds", "ICU beds", "Operation theatres". */
export function resourceTitle(
  type: ResourceType | string,
  count: 'one' | 'many' = 'many',
  lng?: LocaleArg,
): string {
  const words = commonWords(lng).resource[type as ResourceType]
  return capitalize(words?.[count] ?? type)
}

type Labelled<K extends string> = (value: K, lng?: LocaleArg) => string
const labelOf =
  <K extends string>(pick: (w: CommonWords) => Record<K, string>): Labelled<K> =>
  (value, lng) =>
    pick(commonWords(lng))[value] ?? value

export const urgencyLabel = labelOf<Urgency>((w) => w.urgency)
export const bookingStatusLabel = labelOf<BookingStatus>((w) => w.bookingStatus)
export const hospitalStatusLabel = labelOf<HospitalStatus>((w) => w.hospitalStatus)
export const paymentStatusLabel = labelOf<PaymentStatus>((w) => w.paymentStatus)
export const roleLabel = labelOf<Role>((w) => w.role)
export const userStatusLabel = labelOf<UserStatus>((w) => w.userStatus)
export const genderLabel = labelOf<Gender>((w) => w.gender)
export const bloodStatusLabel = labelOf<BloodStatus>((w) => w.bloodStatus)
export const ledgerTypeLabel = labelOf<LedgerType>((w) => w.ledgerType)
export const auditActionLabel = labelOf<AuditAction>((w) => w.auditAction)
export const weekdayLabel = labelOf<Weekday>((w) => w.weekday)

/**
 * Counts: 12,345 in English (as the desk always wrote them); in Bangla grouped the lakh way and in
 * Bangla digits when the user chose them: ১,২৩,৪৫৬.
 */
export function formatCount(n: number, lng?: LocaleArg): string {
  const locale = localeOf(lng)
  if (locale.language === 'en') return n.toLocaleString('en-US')
  const text = n.toLocaleString('en-IN')
  return locale.digits === 'beng' ? toBanglaDigits(text) : text
}

/** Any number already written (a reference's sequence, a percentage) in the chosen digits. */
export function formatDigits(text: string | number, lng?: LocaleArg): string {
  return localeOf(lng).digits === 'beng' ? toBanglaDigits(String(text)) : String(text)
}

export function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text
}
