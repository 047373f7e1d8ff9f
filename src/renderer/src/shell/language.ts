/**
 * The user's language and digits: applied when they sign in, saved (preferences.set) when they
 * switch, so the choice follows them to any workstation. Before sign-in the desk shows this
 * workstation's last choice, or the operating system's language (i18n.ts).
 */
import type { Language } from '../../../shared/locale/display'
import { call } from '../api/client'
import { banglaDigits, currentLanguage, setBanglaDigits, setLanguage } from '../i18n'

/** After sign-in: the user's own choice wins over the workstation's; none yet keeps what is shown. */
export async function applyUserPreferences(): Promise<void> {
  try {
    const prefs = await call('preferences.get', {})
    if (prefs.language === null) return
    setBanglaDigits(prefs.banglaDigits)
    setLanguage(prefs.language)
  } catch {
    // The words on screen stay as they are; the next sign-in tries again.
  }
}

async function save(): Promise<void> {
  try {
    await call('preferences.set', { language: currentLanguage(), banglaDigits: banglaDigits() })
  } catch {
    // Shown at once and kept on this workstation; only remembering it for other desks failed.
  }
}

/** The sidebar's one click: show the desk in this language, and remember it for the user. */
export function switchLanguage(lng: Language): Promise<void> {
  setLanguage(lng)
  return save()
}

export function switchBanglaDigits(on: boolean): Promise<void> {
  setBanglaDigits(on)
  return save()
}
