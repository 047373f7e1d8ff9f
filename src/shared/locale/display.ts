/**
 * Which language and which digits the desk shows words and numbers in. labels.ts, format.ts and
 * money.ts read it when a caller does not name a language.
 *
 * The renderer plugs in its own reader (an observable, so a screen re-renders when the user switches
 * language or digits). Main never does: one main serves many users at once over the hub, so a
 * process-wide "current language" there would be one user's choice leaking into another's answer;
 * main passes the language it means explicitly, and without one gets English with ASCII digits.
 */

export const LANGUAGES = ['en', 'bn'] as const
export type Language = (typeof LANGUAGES)[number]

/** ASCII digits, or Bangla digits (০–৯) for a user who chose them. */
export type Digits = 'latn' | 'beng'

export interface DisplayLocale {
  language: Language
  digits: Digits
}

/** A language alone, or a language with its digits. A bare 'bn' means Bangla digits, as Bangla is written. */
export type LocaleArg = Language | DisplayLocale

const ENGLISH: DisplayLocale = { language: 'en', digits: 'latn' }

let reader: () => DisplayLocale = () => ENGLISH

/** The renderer's choice of language and digits; main never calls this (see above). */
export function setDisplayLocaleReader(read: () => DisplayLocale): void {
  reader = read
}

/** The locale a formatter uses: the one named, else the renderer's current choice, else English. */
export function localeOf(arg?: LocaleArg): DisplayLocale {
  if (arg === undefined) return reader()
  if (typeof arg === 'string') return arg === 'bn' ? { language: 'bn', digits: 'beng' } : ENGLISH
  // English is always shown in ASCII digits: the setting is a Bangla one.
  return arg.language === 'en' ? ENGLISH : arg
}

/** Is this text a language the desk speaks? For input from the OS, storage or the wire. */
export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'bn'
}

/** The desk's language for an OS/browser locale tag: `bn-BD`, `bn` → Bangla; anything else English. */
export function languageForTag(tag: string | undefined | null): Language {
  return (tag ?? '').toLowerCase().startsWith('bn') ? 'bn' : 'en'
}
