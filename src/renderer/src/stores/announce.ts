import type { ToastStore } from '../ui/toasts'

/**
 * A change that worked: say what was done in a toast (naming the thing and the action), re-read
 * what it changed, and hand back what was saved. A refused change never gets here: it throws, and
 * the form shows why.
 */
export async function announce<T>(
  toasts: ToastStore,
  saved: T,
  say: (saved: T) => string,
  reload?: () => Promise<void>,
): Promise<T> {
  toasts.show(say(saved))
  await reload?.()
  return saved
}
