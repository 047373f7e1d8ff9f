import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useLive } from '../live/useLive'
import { useStores } from '../stores/root'
import { shortWhen } from './BookingsUi'

/** The sidebar's bell: the unread count, kept fresh. */
export const NotificationsButton = observer(function NotificationsButton() {
  const { notifications } = useStores()
  useEffect(() => {
    void notifications.refresh()
  }, [notifications])
  useLive(['notifications'], () => notifications.refresh())
  return (
    <button
      className={`nav-item${notifications.open ? ' nav-item--active' : ''}`}
      onClick={() => notifications.toggle()}
      aria-haspopup="dialog"
      aria-label={`Notifications, ${notifications.unread} unread`}
    >
      <span className="nav-item__icon" aria-hidden="true">
        ◔
      </span>
      Notifications
      {notifications.unread > 0 && (
        <span className="badge badge--critical" data-testid="unread-badge">
          {notifications.unread > 99 ? '99+' : notifications.unread}
        </span>
      )}
    </button>
  )
})

/** The list behind the bell: newest first; opening one marks it read and shows its booking. */
export const NotificationsPanel = observer(function NotificationsPanel() {
  const { notifications, bookings, ui } = useStores()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') notifications.toggle(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [notifications])
  if (!notifications.open) return null
  return (
    <div className="overlay overlay--side" onClick={() => notifications.toggle(false)}>
      <aside
        className="dialog notifications"
        role="dialog"
        aria-modal="true"
        aria-labelledby="notifications-title"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="notifications__head">
          <h2 id="notifications-title">Notifications</h2>
          <button
            className="btn btn--small"
            disabled={notifications.unread === 0}
            onClick={() => void notifications.markRead('all')}
          >
            Mark all read
          </button>
        </div>
        {notifications.items.length === 0 && <p className="muted">Nothing yet.</p>}
        <ul className="notifications__list">
          {notifications.items.map((n) => (
            <li key={n.id}>
              <button
                className={`notification${n.isRead ? '' : ' notification--unread'}`}
                onClick={() => {
                  if (!n.isRead) void notifications.markRead([n.id])
                  notifications.toggle(false)
                  void bookings.open(n.bookingId)
                  ui.go('bookings')
                }}
              >
                <span className="notification__title">
                  {n.title}
                  <span className="muted"> · {shortWhen(n.createdAt)}</span>
                </span>
                <span className="notification__message">{n.message}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  )
})
