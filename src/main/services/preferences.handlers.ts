import type { PartialHandlers } from '../ipc/dispatcher'
import { getPreferences, setPreferences } from './preferences'

export const preferencesHandlers: PartialHandlers<'preferences.get' | 'preferences.set'> = {
  'preferences.get': (ctx) => getPreferences(ctx),
  'preferences.set': (ctx, input) => setPreferences(ctx, input),
}
