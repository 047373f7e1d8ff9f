import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../../../shared/labels'
import { notificationMessage, notificationTitle } from '../../../shared/i18n/notificationWords'
import { useLive } from '../live/useLive'
import { useStores } from '../stores/root'
import { formatWhen } from '../../../shared/format'
import { Badge, Dialog } from '../ui'

/** The sidebar's bell: the unread count, kept fresh. */
export const NotificationsButton = observer(function NotificationsButton() {
  const { notifications } = useStores()
  const { t } = useTranslation()
  useEffect(() => {
    void notifications.refresh()
  }, [notifications])
  useLive(['notifications'], () => notifications.refresh())
  return (
    <button
      className={`nav-item${notifications.open ? ' nav-item--active' : ''}`}
      onClick={() => notifications.toggle()}
      aria-haspopup="dialog"
      aria-label={t('notifications.panel.buttonLabel', { count: notifications.unread })}
    >
      <span className="nav-item__icon" aria-hidden="true">
        ◔
      </span>
      {t('notifications.panel.button')}
      {notifications.unread > 0 && (
        <span data-testid="unread-badge">
          <Badge tone="critical">
            {notifications.unread > 99 ? `${formatCount(99)}+` : formatCount(notifications.unread)}
          </Badge>
        </span>
      )}
    </button>
  )
})

/** The list behind the bell: newest first; opening one marks it read and shows its booking. */
export const NotificationsPanel = observer(function NotificationsPanel() {
  const { notifications, bookings, ui } = useStores()
  const { t } = useTranslation()
  if (!notifications.open) return null
  return (
    <Dialog
      title={t('notifications.panel.title')}
      side
      onClose={() => notifications.toggle(false)}
      headerActions={
        <button
          className="btn btn--small"
          disabled={notifications.unread === 0}
          onClick={() => void notifications.markRead('all')}
        >
          {t('notifications.panel.markAll')}
        </button>
      }
    >
      {notifications.items.length === 0 && <p className="muted">{t('notifications.panel.empty')}</p>}
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
                {notificationTitle(n.title)}
                <span className="muted"> · {formatWhen(n.createdAt)}</span>
              </span>
              <span className="notification__message">{notificationMessage(n.message)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  )
})
