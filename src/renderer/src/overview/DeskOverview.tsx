import { observer } from 'mobx-react-lite'
import { formatFromNow, formatWhen } from '../../../shared/format'
import { resourceTitle } from '../../../shared/labels'
import { formatMoney } from '../../../shared/money'
import { useStores } from '../stores/root'
import { StatusBadge, UrgencyBadge } from '../ui'
import { ErrorBanner } from '../ui/Field'
import { TODAY_STATUSES, type OverviewStore, type TodayStatus } from './overview'
import { Card, Link, ResourceBars, useGo } from './parts'

export const TODAY_LABEL: Record<TodayStatus, string> = {
  pending: 'Waiting for approval',
  approved: 'Approved, to admit',
  admitted: 'Admitted',
}

// ---- Front desk ---------------------------------------------------------------------------------

export const DeskOverview = observer(function DeskOverview({ store }: { store: OverviewStore }) {
  const go = useGo()
  const { session } = useStores()
  const manyHospitals = session.user!.hospitalId === null
  const today = store.today.value
  const arrivals = store.arrivals.value
  const drawer = store.drawer.value
  return (
    <div className="overview__grid overview__grid--desk">
      <Card
        title="Today's bookings"
        testId="overview-today"
        action={<Link onClick={() => go.queue('today')}>Today's list</Link>}
      >
        <ErrorBanner error={store.today.error} />
        <div className="overview__stats">
          {TODAY_STATUSES.map((s) => (
            <button
              key={s}
              className={`overview__stat overview__stat--${s}`}
              onClick={() => go.queue('today')}
              data-testid={`overview-today-${s}`}
            >
              <strong>{today ? today[s] : '–'}</strong>
              <span>{TODAY_LABEL[s]}</span>
            </button>
          ))}
        </div>
      </Card>

      <Card
        title="Cash drawer"
        testId="overview-drawer"
        action={<Link onClick={() => go.area('wallet')}>Open the drawer</Link>}
      >
        <ErrorBanner error={store.drawer.error} />
        {drawer && (
          <>
            <div className="big-number">
              <strong data-testid="overview-drawer-balance">{formatMoney(drawer.balance)}</strong>
            </div>
            <p className="muted">
              This shift: {formatMoney(drawer.shift.cashIn)} in, {formatMoney(drawer.shift.cashOut)} out
              {drawer.shift.openedAt
                ? `, open since ${formatFromNow(drawer.shift.openedAt).replace(/ ago$/, '')}`
                : ''}
              .
            </p>
          </>
        )}
      </Card>
      <Card
        title="Expected arrivals"
        testId="overview-arrivals"
        wide
        action={<Link onClick={() => go.queue('approved')}>Approved, to admit</Link>}
      >
        <ErrorBanner error={store.arrivals.error} />
        {arrivals && arrivals.length === 0 && (
          <p className="muted">No one is expected today or in the next two days.</p>
        )}
        {arrivals && arrivals.length > 0 && (
          <ul className="overview__list">
            {arrivals.map((b) => (
              <li key={b.id}>
                <button className="overview__row" onClick={() => go.booking(b.id)}>
                  <span className="overview__when">{formatWhen(b.scheduledDate)}</span>
                  <span className="overview__who">
                    {b.patientName}
                    <span className="muted small">
                      {' '}
                      · {resourceTitle(b.resourceType, 'one')}
                      {manyHospitals ? ` · ${b.hospitalName}` : ''}
                    </span>
                  </span>
                  {(b.urgency === 'critical' || b.urgency === 'high') && <UrgencyBadge urgency={b.urgency} />}
                  <StatusBadge status={b.status} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
})

// ---- Hospital authority -------------------------------------------------------------------------

export const AuthorityOverview = observer(function AuthorityOverview({ store }: { store: OverviewStore }) {
  const go = useGo()
  const { notifications } = useStores()
  const pending = store.pending.value
  const unread = store.notifications.value
  return (
    <div className="overview__grid">
      <Card
        title="Waiting for your approval"
        testId="overview-pending"
        action={<Link onClick={() => go.queue('pending')}>Open the approval queue</Link>}
      >
        <ErrorBanner error={store.pending.error} />
        {pending && (
          <>
            <div className="big-number">
              <strong data-testid="overview-pending-count">{pending.total}</strong>
              {pending.total === 1 ? 'booking pending' : 'bookings pending'}
            </div>
            {pending.items.length > 0 ? (
              <ul className="overview__list">
                {pending.items.map((b) => (
                  <li key={b.id}>
                    <button className="overview__row" onClick={() => go.booking(b.id)}>
                      <UrgencyBadge urgency={b.urgency} />
                      <span className="overview__who">
                        {b.patientName}
                        <span className="muted small"> · {resourceTitle(b.resourceType, 'one')}</span>
                      </span>
                      <span className="overview__when">{formatWhen(b.scheduledDate)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing to decide. New bookings appear here as they are made.</p>
            )}
          </>
        )}
      </Card>

      <Card
        title="Availability now"
        testId="overview-availability"
        action={<Link onClick={() => go.area('resources')}>Adjust counts</Link>}
      >
        <ErrorBanner error={store.resources.error} />
        <ResourceBars store={store} />
      </Card>

      <Card
        title="Notifications"
        testId="overview-notifications"
        action={<Link onClick={() => notifications.toggle(true)}>See them all</Link>}
      >
        <ErrorBanner error={store.notifications.error} />
        {unread && (
          <>
            <div className="big-number">
              <strong data-testid="overview-unread">{unread.unread}</strong>
              unread
            </div>
            {unread.items.length > 0 ? (
              <ul className="overview__list overview__list--plain">
                {unread.items.map((n) => (
                  <li key={n.id}>
                    <span className="overview__who">{n.title}</span>
                    <span className="muted small">{formatFromNow(n.createdAt)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">You are up to date.</p>
            )}
          </>
        )}
      </Card>
    </div>
  )
})
