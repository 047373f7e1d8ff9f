/**
 * i18next with react-i18next: the maintained pair with plural and interpolation rules for Bangla,
 * hooks that re-render a screen when the language changes, and plain objects as catalogues, which
 * TypeScript checks key for key (src/shared/i18n). The language is each user's, remembered on this
 * workstation; a desk that has never been told starts in the operating system's language.
 *
 * The same choice (language, and in Bangla whether numbers show in Bangla digits) drives the shared
 * formatters (labels.ts, format.ts, money.ts) through an observable, so an observer screen that only
 * shows an amount or a status still re-renders on a switch.
 */
import i18n, { type FormatterModule, type PostProcessorModule } from 'i18next'
import { observable, runInAction } from 'mobx'
import { initReactI18next } from 'react-i18next'
import { bn } from '../../shared/i18n/bn'
import { en } from '../../shared/i18n/en'
import { formatDigits } from '../../shared/labels'
import {
  isLanguage,
  languageForTag,
  setDisplayLocaleReader,
  type Digits,
  type DisplayLocale,
  type Language,
} from '../../shared/locale/display'

export type { Digits, Language }
const KEY = 'rapidcare.language'
const DIGITS_KEY = 'rapidcare.digits'

/**
 * What this workstation remembers. The stores' tests run them in Node (no localStorage, navigator
 * or document there), so the desk starts in English with nothing remembered.
 */
const inBrowser = typeof localStorage !== 'undefined' && typeof document !== 'undefined'
const remembered = (key: string): string | null => (inBrowser ? localStorage.getItem(key) : null)

function firstLanguage(): Language {
  const chosen = remembered(KEY)
  return isLanguage(chosen) ? chosen : languageForTag(inBrowser ? navigator.language : 'en')
}

/** Bangla digits unless the user turned them off: a Bangla desk writes ১২৩ as Bangla print does. */
function firstDigits(): Digits {
  return remembered(DIGITS_KEY) === 'latn' ? 'latn' : 'beng'
}

const display = observable.box<{ language: Language; bengDigits: Digits }>(
  { language: firstLanguage(), bengDigits: firstDigits() },
  { deep: false },
)
setDisplayLocaleReader((): DisplayLocale => {
  const { language, bengDigits } = display.get()
  return { language, digits: language === 'bn' ? bengDigits : 'latn' }
})

/**
 * A number put into a sentence ({{count}}, {{n}}) follows the digits choice: ৩টি in Bangla digits.
 * Not grouped (a year stays ২০২৬: a count that needs grouping is passed through formatCount);
 * strings (names, references) are data and left alone. The desk uses no named formats.
 */
const digits: FormatterModule = {
  type: 'formatter',
  init: () => {},
  add: () => {},
  addCached: () => {},
  format: (value: unknown) => (typeof value === 'number' ? formatDigits(value) : (value as string)),
}

/**
 * The Bangla walk's record (e2e/bangla-walk.spec.ts): with `rapidcare.recordKeys` set in this
 * browser's storage (only a test sets it), every key a screen asks for, and every key the catalogue
 * lacks, are kept on `window.__rcKeys` for the test to compare with the catalogue.
 */
const recording = (() => {
  try {
    return localStorage.getItem('rapidcare.recordKeys') === '1'
  } catch {
    return false
  }
})()
const keysUsed = new Set<string>()
const keysMissing = new Set<string>()
const recorder: PostProcessorModule = {
  type: 'postProcessor',
  name: 'rc-record',
  process: (value: string, key: string | string[]) => {
    for (const k of Array.isArray(key) ? key : [key]) keysUsed.add(k)
    return value
  },
}
if (recording) {
  i18n.use(recorder)
  ;(window as unknown as { __rcKeys: unknown }).__rcKeys = { used: keysUsed, missing: keysMissing }
}

void i18n
  .use(initReactI18next)
  .use(digits)
  .init({
    resources: { en: { translation: en }, bn: { translation: bn } },
    lng: display.get().language,
    supportedLngs: ['en', 'bn'],
    fallbackLng: 'en',
    interpolation: { escapeValue: false, alwaysFormat: true }, // React escapes already
    ...(recording
      ? {
          postProcess: ['rc-record'],
          saveMissing: true,
          missingKeyHandler: (_lngs: readonly string[], _ns: string, key: string) => keysMissing.add(key),
        }
      : {}),
  })
if (inBrowser) document.documentElement.lang = i18n.language

/** Show the desk in a language: words (i18next), labels, dates and amounts together. */
export function setLanguage(lng: Language): void {
  localStorage.setItem(KEY, lng)
  document.documentElement.lang = lng
  runInAction(() => display.set({ ...display.get(), language: lng }))
  void i18n.changeLanguage(lng)
}

export function currentLanguage(): Language {
  return i18n.language === 'bn' ? 'bn' : 'en'
}

/** In Bangla, numbers in Bangla digits (০–৯) or ASCII; English always uses ASCII. */
export function setBanglaDigits(on: boolean): void {
  const digits: Digits = on ? 'beng' : 'latn'
  localStorage.setItem(DIGITS_KEY, digits)
  runInAction(() => display.set({ ...display.get(), bengDigits: digits }))
  // Screens that are not observers re-render on i18next's event, as on a language switch.
  void i18n.changeLanguage(i18n.language)
}

export function banglaDigits(): boolean {
  return display.get().bengDigits === 'beng'
}

export { i18n }
