/**
 * Main's error messages as keys with parameters, and back into words in the user's language.
 *
 * Main keeps writing its messages in English (the CLI, the logs and every English screen read them
 * as they are); the dispatcher, the one place both transports pass, adds `details.i18n`: the key of
 * the template each message was made from (areas/errors.ts) and the parts that vary. The renderer
 * says them in the user's language with the field's own name. A message with no template arrives in
 * English, never as a bare key.
 */
import type { ErrorBody, ErrorDetails } from '../errors'
import { formatDate } from '../format'
import { localeOf, type DisplayLocale, type LocaleArg } from '../locale/display'
import { toBanglaDigits } from '../locale/digits'
import * as common from './areas/common'
import * as errors from './areas/errors'
import * as fields from './areas/fields'

export interface MessageKey {
  /** `field.required`, `message.noneAvailable`: a path under the errors area. */
  key: string
  params?: Record<string, string>
}

export interface ErrorWords extends MessageKey {
  /** Each refused field's message as a key (VALIDATION). */
  fields?: Record<string, MessageKey>
}

export type Template = { key: string; pattern: RegExp; names: string[]; literal: number }

/**
 * Templates (`{{name}}` placeholders) as patterns that find them again in a written message, the
 * most specific first: "must be at most 8760 hours (a year)" before "must be at most {{max}}".
 */
export function compileTemplates(groups: Record<string, Record<string, string>>): Template[] {
  return Object.entries(groups)
    .flatMap(([group, texts]) =>
      Object.entries(texts).map(([name, text]) => {
        const names: string[] = []
        const source = text
          .split(/(\{\{\w+\}\})/)
          .map((part) => {
            const m = /^\{\{(\w+)\}\}$/.exec(part)
            if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            names.push(m[1]!)
            return '(.+?)'
          })
          .join('')
        return {
          key: `${group}.${name}`,
          pattern: new RegExp(`^${source}$`, 's'),
          names,
          literal: text.replace(/\{\{\w+\}\}/g, '').length,
        }
      }),
    )
    .sort((a, b) => b.literal - a.literal)
}

/** The template a message was made from, with what varies; null when none matches. */
export function matchTemplate(templates: Template[], text: string): MessageKey | null {
  for (const t of templates) {
    const m = t.pattern.exec(text)
    if (!m) continue
    if (!t.names.length) return { key: t.key }
    return { key: t.key, params: Object.fromEntries(t.names.map((n, i) => [n, m[i + 1]!])) }
  }
  return null
}

/** A keyed message's template in a catalogue, its parameters filled (each passed through `param`). */
export function fillTemplate(
  catalogue: Record<string, Record<string, string>>,
  k: MessageKey,
  param: (name: string, value: string) => string = (_, v) => v,
): string | null {
  const [group, name] = k.key.split('.') as [string, string]
  const template = catalogue[group]?.[name]
  if (template === undefined) return null
  return template.replace(/\{\{(\w+)\}\}/g, (whole, p: string) =>
    k.params && p in k.params ? param(p, k.params[p]!) : whole,
  )
}

const TEMPLATES = compileTemplates({ field: errors.en.field, message: errors.en.message })

/** The template a message was made from, with what varies; null when no template matches. */
export function messageKey(text: string): MessageKey | null {
  return matchTemplate(TEMPLATES, text)
}

/** Main, before an error leaves the dispatcher: the body with its message keys added. */
export function withMessageKeys(body: ErrorBody): ErrorBody {
  const words: Partial<ErrorWords> = {}
  const whole = messageKey(body.message)
  if (whole) Object.assign(words, whole)
  const refused = body.details?.fields
  if (refused) {
    const keyed: Record<string, MessageKey> = {}
    for (const [field, message] of Object.entries(refused)) {
      const k = messageKey(message)
      if (k) keyed[field] = k
    }
    if (Object.keys(keyed).length) words.fields = keyed
  }
  if (!words.key && !words.fields) return body
  return { ...body, details: { ...body.details, i18n: words } }
}

/** Past participles main puts in "only a … booking can be {{done}}" that are not a status label. */
const VERBS: Record<string, string> = {
  referred: 'রেফার',
  reserved: 'সংরক্ষিত',
  over: 'বেশি',
  short: 'কম',
  'quote its bookings': 'এর বুকিংয়ের মূল্য দেখা',
  'raise blood requests for it': 'এর জন্য রক্তের অনুরোধ করা',
  'refer its bookings': 'এর বুকিং রেফার করা',
  'see or change its payments': 'এর পেমেন্ট দেখা বা বদলানো',
  'see the bills of its bookings': 'এর বুকিংয়ের বিল দেখা',
  'see this booking': 'এই বুকিং দেখা',
  'set its prices': 'এর মূল্য ঠিক করা',
  'take payments for its bookings': 'এর বুকিংয়ের পেমেন্ট নেওয়া',
}

/** English code values and labels → their Bangla labels, for the parameters of a message. */
const BANGLA_VALUE: Map<string, string> = (() => {
  const map = new Map<string, string>()
  const groups = [
    'bookingStatus',
    'hospitalStatus',
    'paymentStatus',
    'userStatus',
    'bloodStatus',
    'role',
    'urgency',
    'paymentMethod',
  ] as const
  for (const g of groups) {
    const en = common.en[g] as Record<string, string>
    const bn = common.bn[g] as Record<string, string>
    for (const [code, label] of Object.entries(en)) {
      if (!map.has(code)) map.set(code, bn[code]!)
      if (!map.has(label.toLowerCase())) map.set(label.toLowerCase(), bn[code]!)
    }
  }
  for (const [type, label] of Object.entries(common.en.resource)) {
    const bn = common.bn.resource[type as keyof typeof common.en.resource]
    map.set(type, bn.many)
    map.set(label.one, bn.one)
    map.set(label.many, bn.many)
  }
  for (const [en, bn] of Object.entries(VERBS)) map.set(en, bn)
  return map
})()

function paramIn(value: string, locale: DisplayLocale): string {
  if (locale.language !== 'bn') return value
  const known = BANGLA_VALUE.get(value) ?? BANGLA_VALUE.get(value.toLowerCase())
  if (known) return known
  if (value.includes(' or '))
    return value
      .split(' or ')
      .map((v) => paramIn(v, locale))
      .join(' বা ')
  // A calendar day main writes as 2026-11-29 is said in the language's one date style.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (day) return formatDate(new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])), locale)
  // Numbers and amounts follow the digits choice; names and references are data and stay as typed.
  if (locale.digits === 'beng' && /^[−-]?৳?[\d,.]+$/.test(value)) return toBanglaDigits(value)
  return value
}

/** One keyed message in a language; null when the key is unknown there. */
export function sayMessage(k: MessageKey, lng?: LocaleArg): string | null {
  const locale = localeOf(lng)
  const bangla = locale.language === 'bn'
  const catalogue = (bangla ? errors.bn : errors.en) as Record<string, Record<string, string>>
  return fillTemplate(catalogue, k, (_, v) => paramIn(v, locale))
}

/** A field's name as the screens label it, in a language: `patientAge` → "বয়স". */
export function fieldName(path: string, lng?: LocaleArg): string {
  const words = (localeOf(lng).language === 'bn' ? fields.bn : fields.en) as Record<string, string>
  const parts = path.split('.')
  for (let i = parts.length - 1; i >= 0; i--) {
    const w = words[parts[i]!]
    if (w && !/^\d+$/.test(parts[i]!)) return w
  }
  return path
}

/**
 * The renderer: an error body in the user's language, the message still naming the field. English
 * is left exactly as main wrote it.
 */
export function localiseError(body: ErrorBody, lng?: LocaleArg): ErrorBody {
  if (localeOf(lng).language === 'en') return body
  const words = (body.details?.i18n ?? {}) as Partial<ErrorWords>
  const say = (text: string, given?: MessageKey): string => {
    const k = given ?? messageKey(text)
    return (k && sayMessage(k, lng)) ?? text
  }
  const refused = body.details?.fields
  let fieldsOut: Record<string, string> | undefined
  if (refused) {
    fieldsOut = Object.fromEntries(Object.entries(refused).map(([f, m]) => [f, say(m, words.fields?.[f])]))
  }
  let message: string
  const first = body.details?.field
  if (body.code === 'VALIDATION' && first && fieldsOut?.[first] !== undefined) {
    message = `${fieldName(first, lng)}: ${fieldsOut[first]}`
  } else if (words.key) {
    message = sayMessage(words as MessageKey, lng) ?? body.message
  } else {
    // "effectiveFrom: must be after …" written as one sentence: name the field, say the rest.
    const m = /^([A-Za-z][\w.]*): (.+)$/s.exec(body.message)
    message = m ? `${fieldName(m[1]!, lng)}: ${say(m[2]!)}` : say(body.message)
  }
  const details: ErrorDetails | undefined = body.details
    ? { ...body.details, ...(fieldsOut ? { fields: fieldsOut } : {}) }
    : undefined
  return details ? { ...body, message, details } : { ...body, message }
}
