import { formatDistanceToNow } from 'date-fns'
import { observer } from 'mobx-react-lite'
import { useEffect, type ReactNode } from 'react'
import { formatBytes, type BackupVerification } from '../../../shared/contract/backup'
import { formatMoney } from '../../../shared/money'
import { RESOURCE_TYPES } from '../../../shared/schemas'
import { ErrorBanner } from '../components/Form'
import type { QueueView } from '../stores/bookings'
import { TODAY_STATUSES, type OverviewStore, type TodayStatus } from '../stores/overview'
import { useStores } from '../stores/root'
import { CountsBar, RESOURCE_NAME, RESOURCE_PLURAL, shortWhen, StatusBadge, UrgencyBadge } from './BookingsUi'
import '../bookings.css'
import '../overview.css'
import { useLive } from '../live/useLive'

const ROLE_LABEL = {
  user: 'Front desk',
  'hospital-authority': 'Hospital authority',
  admin: 'Administrator',
} as const

/** "Dr. Kamal Hossain" → "Kamal": the first word that is not a title such as "Dr." or "Prof.". */
function firstName(name: string): string {
  const words = name.trim().split(/\s+/)
  return words.find((w) => !w.endsWith('.')) ?? words[0] ?? name
}

/** Go to an area, or into the bookings queue on a given tab, or straight to one booking. */
function useGo() {
  const { ui, bookings, session } = useStores()
  const role = session.user!.role
  return {
    area: (id: string) => ui.go(id),
    queue: (view?: QueueView) => {
      bookings.close()
      bookings.startFor(role)
      if (view) bookings.setView(view)
      ui.go('bookings')
    },
    booking: (id: number) => {
      void bookings.open(id)
      ui.go('bookings')
    },
  }
}

/** The first screen after sign-in: what needs doing now, per role. */
export const HomeScreen = observer(function HomeScreen() {
  const { session, overview } = useStores()
  const user = session.user!

  useEffect(() => {
    void overview.load(user)
  }, [overview, user])
  useLive(['bookings', 'notifications', 'resources', 'hospitals', 'wallet', 'payments', 'settings'], () =>
    overview.load(user),
  )

  const place =
    user.role === 'admin'
      ? 'every hospital'
      : (overview.hospital.value?.name ?? (user.hospitalId === null ? 'every hospital' : ''))
  return (
    <section className="page overview">
      <header className="page__header">
        <div>
          <h1>Good to see you, {firstName(user.name)}</h1>
          <p className="muted" data-testid="overview-subtitle">
            {ROLE_LABEL[user.role]}
            {place ? ` · ${place}` : ''} · {new Date().toLocaleDateString(undefined, { dateStyle: 'full' })}
          </p>
        </div>
        {user.role === 'user' && <DeskActions />}
      </header>
      {user.role === 'user' && <DeskOverview store={overview} />}
      {user.role === 'hospital-authority' && <AuthorityOverview store={overview} />}
      {user.role === 'admin' && <AdminOverview store={overview} />}
      <ThisDesk />
    </section>
  )
})

/**
 * The desk's quick actions. Worded apart from the sidebar's entries ("New booking", "Bookings",
 * "Availability"), so that each name on screen leads to one button.
 */
function DeskActions() {
  const go = useGo()
  return (
    <div className="actions overview__actions">
      <button className="btn btn--primary" onClick={() => go.area('new-booking')}>
        Book a patient <kbd className="kbd--on-primary">n</kbd>
      </button>
      <button className="btn" onClick={() => go.queue()}>
        Open the queue
      </button>
      <button className="btn" onClick={() => go.area('board')}>
        Free beds now
      </button>
    </div>
  )
}

function Card({
  title,
  testId,
  children,
  action,
  wide,
}: {
  title: string
  testId: string
  children: ReactNode
  action?: ReactNode
  wide?: boolean
}) {
  return (
    <article
      className={`card overview__card${wide ? ' overview__card--wide' : ''}`}
      data-testid={testId}
      aria-label={title}
    >
      <h2>{title}</h2>
      <div className="overview__body">{children}</div>
      {action && <div className="overview__foot">{action}</div>}
    </article>
  )
}

function Link({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button className="btn btn--ghost btn--small overview__link" onClick={onClick}>
      {children} →
    </button>
  )
}

const TODAY_LABEL: Record<TodayStatus, string> = {
  pending: 'Waiting for approval',
  approved: 'Approved, to admit',
  admitted: 'Admitted',
}

// ---- Front desk ---------------------------------------------------------------------------------

const DeskOverview = observer(function DeskOverview({ store }: { store: OverviewStore }) {
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
                ? `, open since ${formatDistanceToNow(new Date(drawer.shift.openedAt), { addSuffix: false })}`
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
                  <span className="overview__when">{shortWhen(b.scheduledDate)}</span>
                  <span className="overview__who">
                    {b.patientName}
                    <span className="muted small">
                      {' '}
                      · {RESOURCE_NAME[b.resourceType]}
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

const AuthorityOverview = observer(function AuthorityOverview({ store }: { store: OverviewStore }) {
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
                        <span className="muted small"> · {RESOURCE_NAME[b.resourceType]}</span>
                      </span>
                      <span className="overview__when">{shortWhen(b.scheduledDate)}</span>
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
                    <span className="muted small">
                      {formatDistanceToNow(new Date(n.createdAt), { addSuffix: true })}
                    </span>
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

const VERIFICATION_BADGE: Record<BackupVerification, string> = {
  verified: 'success',
  damaged: 'danger',
  unverified: 'neutral',
}
const VERIFICATION_LABEL: Record<BackupVerification, string> = {
  verified: 'Verified',
  damaged: 'Damaged',
  unverified: 'Not verified',
}

// ---- Admin --------------------------------------------------------------------------------------

const AdminOverview = observer(function AdminOverview({ store }: { store: OverviewStore }) {
  const go = useGo()
  const hospitals = store.pendingHospitals.value
  const report = store.report.value
  const newest = store.newestBackup.value
  const lastBackup = report?.lastBackup ?? null
  const integrity = report?.lastIntegrityCheck ?? null
  return (
    <div className="overview__grid">
      <Card
        title="Hospitals waiting for approval"
        testId="overview-pending-hospitals"
        action={<Link onClick={() => go.area('hospitals')}>Review registrations</Link>}
      >
        <ErrorBanner error={store.pendingHospitals.error} />
        {hospitals && (
          <>
            <div className="big-number">
              <strong data-testid="overview-pending-hospitals-count">{hospitals.total}</strong>
              {hospitals.total === 1 ? 'hospital to review' : 'hospitals to review'}
            </div>
            {hospitals.items.length > 0 ? (
              <ul className="overview__list overview__list--plain">
                {hospitals.items.map((h) => (
                  <li key={h.id}>
                    <span className="overview__who">{h.name}</span>
                    <span className="overview__when">{shortWhen(h.createdAt)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Every registered hospital has been reviewed.</p>
            )}
          </>
        )}
      </Card>

      <Card
        title={`Availability across ${store.hospitalCount} ${store.hospitalCount === 1 ? 'hospital' : 'hospitals'}`}
        testId="overview-availability"
        action={<Link onClick={() => go.area('board')}>Open the board</Link>}
      >
        <ErrorBanner error={store.resources.error} />
        <ResourceBars store={store} />
      </Card>

      <Card
        title="Backups and maintenance"
        testId="overview-backup"
        action={
          <>
            <Link onClick={() => go.area('backups')}>Backup history</Link>
            <Link onClick={() => go.area('maintenance')}>Database health</Link>
          </>
        }
      >
        <ErrorBanner error={store.report.error ?? store.newestBackup.error} />
        {newest?.lastError && (
          <div className="banner banner--danger">
            The automatic backup failed{' '}
            {formatDistanceToNow(new Date(newest.lastError.at), { addSuffix: true })}:{' '}
            {newest.lastError.message}
          </div>
        )}
        {report && (
          <dl className="facts overview__facts">
            <dt>Last backup</dt>
            <dd data-testid="overview-last-backup">
              {lastBackup ? (
                <>
                  {newest?.entry && (
                    <span className={`badge badge--${VERIFICATION_BADGE[newest.entry.verification]}`}>
                      {VERIFICATION_LABEL[newest.entry.verification]}
                    </span>
                  )}{' '}
                  {formatDistanceToNow(new Date(lastBackup.at), { addSuffix: true })}
                  <div className="muted small overview__file" title={newest?.entry?.file ?? lastBackup.path}>
                    {newest?.entry?.file ?? lastBackup.path} · {formatBytes(lastBackup.sizeBytes)}
                  </div>
                </>
              ) : (
                <span className="overview__warn">No backup yet</span>
              )}
            </dd>
            <dt>Integrity check</dt>
            <dd data-testid="overview-integrity">
              {integrity ? (
                <>
                  <span className={`badge badge--${integrity.ok ? 'success' : 'danger'}`}>
                    {integrity.ok ? 'Passed' : `${integrity.problems.length} problems`}
                  </span>{' '}
                  <span className="muted small">
                    {formatDistanceToNow(new Date(integrity.at), { addSuffix: true })}
                  </span>
                </>
              ) : (
                <span className="muted">Not run yet</span>
              )}
            </dd>
            <dt>Database size</dt>
            <dd>{formatBytes(report.databaseBytes + report.walBytes)}</dd>
          </dl>
        )}
      </Card>
    </div>
  )
})

// ---- Shared -------------------------------------------------------------------------------------

const ResourceBars = observer(function ResourceBars({ store }: { store: OverviewStore }) {
  if (!store.resources.value) return null
  if (store.resources.value.length === 0) return <p className="muted">No resources counted yet.</p>
  return (
    <>
      {RESOURCE_TYPES.map((t) => {
        const c = store.totals(t)
        return (
          <div key={t} className="overview__res">
            <div className="overview__res-head">
              <span>{RESOURCE_PLURAL[t]}</span>
              <span
                className={c.total > 0 && c.available === 0 ? 'overview__warn' : undefined}
                data-testid={`overview-free-${t}`}
              >
                {c.available} free <span className="muted">/ {c.total}</span>
              </span>
            </div>
            <CountsBar counts={c} label={RESOURCE_PLURAL[t]} />
          </div>
        )
      })}
      <div className="legend">
        {PARTS.filter((p) => p === 'available' || RESOURCE_TYPES.some((t) => store.totals(t)[p] > 0)).map(
          (p) => (
            <span key={p}>
              <i className={p} />
              {PART_LABEL[p]}
            </span>
          ),
        )}
      </div>
    </>
  )
})

const PARTS = ['available', 'reserved', 'occupied', 'maintenance'] as const
const PART_LABEL: Record<(typeof PARTS)[number], string> = {
  available: 'Available',
  reserved: 'Reserved',
  occupied: 'Occupied',
  maintenance: 'Maintenance',
}

/** The facts issue 3 asks for: which app, which schema, which file. */
const ThisDesk = observer(function ThisDesk() {
  const { session } = useStores()
  const status = session.status
  return (
    <aside className="card overview__desk" aria-label="This desk" data-testid="overview-desk">
      <h2>This desk</h2>
      <dl>
        <div>
          <dt>App version</dt>
          <dd>{status?.appVersion}</dd>
        </div>
        <div>
          <dt>Schema version</dt>
          <dd>{status?.schemaVersion}</dd>
        </div>
        {status?.databasePath && (
          <div className="overview__desk-db">
            <dt>Database</dt>
            <dd className="mono">{status.databasePath}</dd>
          </div>
        )}
      </dl>
    </aside>
  )
})
