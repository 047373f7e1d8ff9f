/**
 * Live changes to the Electron window: the feed's events, sent with webContents.send. The window
 * is a subscriber for as long as it lives; what it may hear follows whoever is signed in on it now
 * (its session token is kept in main by the IPC transport), and nothing while no one is.
 */
import { LIVE_IPC, type ChangeEvent, type LiveConnection } from '../../shared/live'
import type { Scope, Subscriber } from '../live/feed'

export const LIVE_CHANNEL = LIVE_IPC.change

export interface WindowLike {
  isDestroyed(): boolean
  send(channel: string, payload: ChangeEvent | LiveConnection): void
}

export function windowSubscriber(
  target: WindowLike,
  /** The signed-in page's scope, undefined while no one is signed in on it. */
  scopeOfPage: () => Scope | undefined,
): Subscriber {
  let scope: Scope | undefined
  return {
    scope() {
      if (target.isDestroyed()) return undefined
      scope = scopeOfPage()
      // Signed out is not gone: keep the window, and send it nothing (see send).
      return scope ?? 'none'
    },
    send(event) {
      if (scope !== undefined) target.send(LIVE_CHANNEL, event)
    },
  }
}
