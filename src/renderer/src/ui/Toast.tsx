import { observer } from 'mobx-react-lite'
import { cx } from './cx'
import s from './Toast.module.css'
import type { ToastStore } from './toasts'

/** The corner where toasts appear; a polite live region, so a screen reader hears them too. */
export const Toaster = observer(function Toaster({ toasts }: { toasts: ToastStore }) {
  return (
    <div
      className={s.region}
      role="log"
      aria-live="polite"
      aria-label="What the desk just did"
      data-testid="toasts"
    >
      {toasts.items.map((t) => (
        <div key={t.id} className={cx(s.toast, t.tone !== 'success' && s[t.tone])}>
          <span className={s.message}>{t.message}</span>
          {t.action && (
            <button
              type="button"
              className={s.action}
              onClick={() => {
                t.action!.run()
                toasts.dismiss(t.id)
              }}
            >
              {t.action.label}
            </button>
          )}
          <button
            type="button"
            className={s.dismiss}
            aria-label="Dismiss"
            onClick={() => toasts.dismiss(t.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  )
})
