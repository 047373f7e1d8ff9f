import { reaction } from 'mobx'
import type { RootStore } from '../stores/root'
import { live, whenLiveRefused } from './index'
import { watchForToasts } from './toasts'

/**
 * Live while someone is signed in: the feed runs, the toasts watch for that user, and a refused
 * stream ends the session like any refused call. Returns the stop (for tests and hot reload).
 */
export function wireLive(stores: RootStore): () => void {
  whenLiveRefused(() => stores.session.expired())
  let stopToasts: () => void = () => {}
  return reaction(
    () => (stores.session.phase === 'ready' ? stores.session.user : null),
    (user) => {
      stopToasts()
      stopToasts = () => {}
      if (!user) return live.stop()
      live.start()
      stopToasts = watchForToasts(live, user, stores.toasts)
    },
    { fireImmediately: true },
  )
}
