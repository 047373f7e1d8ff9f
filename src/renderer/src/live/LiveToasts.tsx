import { observer } from 'mobx-react-lite'
import { useTranslation } from 'react-i18next'
import { toasts } from './toasts'
import './live.css'

/** The live toasts, newest last, each with its own close. */
export const LiveToasts = observer(function LiveToasts() {
  const { t: tr } = useTranslation()
  return (
    <div className="live-toasts" role="log" aria-label={tr('common.liveNotices')}>
      {toasts.items.map((t) => (
        <div key={t.id} className={`live-toast live-toast--${t.tone}`} data-testid="toast">
          <div className="live-toast__text">
            <strong>{t.title}</strong>
            <span>{t.message}</span>
          </div>
          <button
            className="live-toast__close"
            aria-label={tr('common.dismiss')}
            onClick={() => toasts.dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
})
