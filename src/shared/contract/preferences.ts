import { z } from 'zod'
import { channel } from '../channel'
import { LANGUAGES, type Language } from '../locale/display'

/** One user's way of seeing the desk, remembered across sign-ins and workstations. */
export interface Preferences {
  /** Null until the user first chooses: the desk then shows the operating system's language. */
  language: Language | null
  /** In Bangla, numbers in Bangla digits (০–৯); English always shows ASCII digits. */
  banglaDigits: boolean
  updatedAt: string | null
}

const SIGNED_IN = ['user', 'hospital-authority', 'admin'] as const

// No userId anywhere: each call reads and writes the caller's own row, so nobody can set another's.
export const preferencesChannels = {
  'preferences.get': channel(z.object({}).strict(), SIGNED_IN).returns<Preferences>(),
  'preferences.set': channel(
    z
      .object({
        language: z.enum(LANGUAGES, { error: 'must be en or bn' }),
        banglaDigits: z.boolean({ error: 'must be true or false' }),
      })
      .strict(),
    SIGNED_IN,
  ).returns<Preferences>(),
}
