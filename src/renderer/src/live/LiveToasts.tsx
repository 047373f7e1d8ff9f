import { observer } from 'mobx-react-lite'
import { toasts } from './toasts'
import './live.css'

/** The live toasts, newest last, each with its own close. */
export const LiveToasts = observer(function LiveToasts() {
  return (
    <div className="live-toasts" role="log" aria-label="Live notices">
      {toasts.items.map((t) => (
        <div key={t.id} className={`live-toast live-toast--${t.tone}`} data-testid="toast">
          <div className="live-toast__text">
            <strong>{t.title}</strong>
            <span>{t.message}</span>
          </div>
          <button className="live-toast__close" aria-label="Dismiss" onClick={() => toasts.dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
})
