/**
 * The Electron transport: one `ipcMain.handle` per channel of the contract. The session is bound to
 * the sender's webContents in main (the page never holds a token), and the sender frame must be
 * one of the desk's own pages.
 */
import type { IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES } from '../../shared/contract'
import type { Preferences } from '../../shared/contract/preferences'
import type { Envelope } from '../../shared/errors'
import { isLanguage, type Language } from '../../shared/locale/display'
import type { Dispatcher } from '../ipc/dispatcher'
import { isAppUrl } from './window'

export interface IpcLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void
}

export const IPC_PREFIX = 'rc:'

/** Channels that need the first-run setup code, which main itself supplies to its own window. */
const SETUP_CODE_CHANNELS: ReadonlySet<string> = new Set(['auth.setupAdmin', 'adopt.legacy'])

/**
 * Only the desk's own page reaches this point, and it is the person at this machine: the code
 * that browser mode's console shows is handed to it here, so its first-run screen never asks.
 */
function withSetupCode(channel: string, input: unknown, code: string): unknown {
  if (!SETUP_CODE_CHANNELS.has(channel)) return input
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  return { ...input, setupCode: code }
}

export interface IpcHooks {
  /** The signed-in user's language, seen in their preferences (read at sign-in, written on a switch). */
  onLanguage?(language: Language): void
}

export function registerIpc(
  ipc: IpcLike,
  dispatcher: Dispatcher,
  devServerUrl?: string,
  hooks: IpcHooks = {},
): Map<number, string> {
  const tokens = new Map<number, string>()
  for (const channel of CHANNEL_NAMES) {
    ipc.handle(IPC_PREFIX + channel, async (event, input): Promise<Envelope<unknown>> => {
      const url = event.senderFrame?.url ?? ''
      if (!isAppUrl(url, devServerUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not call the desk.' } }
      }
      const senderId = event.sender.id
      const result = await dispatcher.call(
        channel,
        dispatcher.setupCode ? withSetupCode(channel, input, dispatcher.setupCode.value) : input,
        tokens.get(senderId) ?? null,
        'window',
      )
      if (result.ok && channel === 'auth.login') {
        const value = result.value as { token: string }
        tokens.set(senderId, value.token)
        // The page never sees the token: the session lives with its webContents.
        return { ok: true, value: { ...value, token: '' } }
      }
      if (channel === 'auth.logout') tokens.delete(senderId)
      // Main's own words (the menu) follow the user's language: the renderer reads it at sign-in
      // and writes it on a switch, both through here, whether this desk or a hub answered.
      if (result.ok && (channel === 'preferences.get' || channel === 'preferences.set')) {
        const language = (result.value as Preferences).language
        if (isLanguage(language)) hooks.onLanguage?.(language)
      }
      return result
    })
  }
  return tokens
}
