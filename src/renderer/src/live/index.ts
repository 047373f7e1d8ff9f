import { bearerToken } from '../api/client'
import { LiveClient } from './client'

/** The page's one live client (see client.ts). `onUnauthorised` is set where the session store lives. */
export const live = new LiveClient({
  token: bearerToken,
  onUnauthorised: () => liveSessionEnded(),
  bridge: typeof window === 'undefined' ? undefined : window.rapidcare,
})

let liveSessionEnded: () => void = () => {}

export function whenLiveRefused(listener: () => void): void {
  liveSessionEnded = listener
}
