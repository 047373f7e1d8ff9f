import type { PartialHandlers } from '../ipc/dispatcher'
import { getSettings, updateSettings } from './paymentsConfig'

export const settingsHandlers: PartialHandlers<'settings.get' | 'settings.update'> = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
}
