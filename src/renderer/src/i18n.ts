/**
 * i18next with react-i18next: the maintained pair with plural and interpolation rules for Bangla,
 * hooks that re-render a screen when the language changes, and plain objects as catalogues, which
 * TypeScript checks key for key (src/shared/i18n). The language is each user's, remembered on this
 * workstation; a desk that has never been told starts in the operating system's language.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { bn } from '../../shared/i18n/bn'
import { en } from '../../shared/i18n/en'

export type Language = 'en' | 'bn'
const KEY = 'rapidcare.language'

function firstLanguage(): Language {
  const chosen = localStorage.getItem(KEY)
  if (chosen === 'en' || chosen === 'bn') return chosen
  return navigator.language.toLowerCase().startsWith('bn') ? 'bn' : 'en'
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, bn: { translation: bn } },
  lng: firstLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already
})
document.documentElement.lang = i18n.language

export function setLanguage(lng: Language): void {
  localStorage.setItem(KEY, lng)
  document.documentElement.lang = lng
  void i18n.changeLanguage(lng)
}

export function currentLanguage(): Language {
  return i18n.language === 'bn' ? 'bn' : 'en'
}

export { i18n }
