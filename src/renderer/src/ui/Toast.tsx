import { observer } from 'mobx-react-lite'
import { useTranslation } from 'react-i18next'
import { cx } from './cx'
import s from './Toast.module.css'
import type { ToastStore } from './toasts'

/** The corner where toasts appear; a polite live region, so a screen reader hears them too. */
export const Toaster = observer(function Toaster({ toasts }: { toasts: ToastStore }) {
  const { t } = useTranslation()
  return (
    <div
      className={s.region}
      role="log"
      aria-live="polite"
      aria-label={t('ui.toast.region')}
      data-testid="toasts"
    >
      {toasts.items.map((toast) => (
        <div
          key={toast.id}
          className={cx(s.toast, toast.tone !== 'success' && s[toast.tone])}
          data-testid="toast"
        >
          <div className={s.text}>
            {toast.title && <strong>{toast.title}</strong>}
            <span>{toast.message}</span>
          </div>
          {toast.action && (
            <button
              type="button"
              className={s.action}
              onClick={() => {
                toast.action!.run()
                toasts.dismiss(toast.id)
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className={s.dismiss}
            aria-label={t('ui.toast.dismiss')}
            onClick={() => toasts.dismiss(toast.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  )
})
