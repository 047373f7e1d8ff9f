import { observer } from 'mobx-react-lite'
import { Trans, useTranslation } from 'react-i18next'
import { i18n } from '../i18n'
import { formatFromNow, formatWhen } from '../../../shared/format'
import { formatCount, resourceTitle } from '../../../shared/labels'
import { formatMoney } from '../../../shared/money'
import { notificationTitle } from '../../../shared/i18n/notificationWords'
import { useStores } from '../stores/root'
import { StatusBadge, UrgencyBadge } from '../ui'
import { ErrorBanner } from '../ui/Field'
import { TODAY_STATUSES, type OverviewStore, type TodayStatus } from './overview'
import { Card, Link, ResourceBars, useGo } from './parts'

/** Each of today's counts, named in the current language (read afresh, like labels.ts). */
export const TODAY_LABEL: Readonly<Record<TodayStatus, string>> = Object.freeze(
  Object.defineProperties({} as Record<TodayStatus, string>, {
    pending: { enumerable: true, get: () => i18n.t('overview.today.pending') },
    approved: { enumerable: true, get: () => i18n.t('overview.today.approved') },
    admitted: { enumerable: true, get: () => i18n.t('overview.today.admitted') },
  }),
)

// ---- Front desk ---------------------------------------------------------------------------------

export const DeskOverview = observer(function DeskOverview({ store }: { store: OverviewStore }) {
  const go = useGo()
  const { session } = useStores()
  const manyHospitals = session.user!.hospitalId === null
  const today = store.today.value
  const arrivals = store.arrivals.value
  const drawer = store.drawer.value
  const { t } = useTranslation()
  return (
    <div className="overview__grid overview__grid--desk">
      <Card
        title={t('overview.today.title')}
        testId="overview-today"
        action={<Link onClick={() => go.queue('today')}>{t('overview.today.list')}</Link>}
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
              <strong>{today ? formatCount(today[s]) : '–'}</strong>
              <span>{TODAY_LABEL[s]}</span>
            </button>
          ))}
        </div>
      </Card>

      <Card
        title={t('overview.drawer.title')}
        testId="overview-drawer"
        action={<Link onClick={() => go.area('wallet')}>{t('overview.drawer.open')}</Link>}
      >
        <ErrorBanner error={store.drawer.error} />
        {drawer && (
          <>
            <div className="big-number">
              <strong data-testid="overview-drawer-balance">{formatMoney(drawer.balance)}</strong>
            </div>
            <p className="muted">
              {t('overview.drawer.shift', {
                cashIn: formatMoney(drawer.shift.cashIn),
                cashOut: formatMoney(drawer.shift.cashOut),
              })}
              {drawer.shift.openedAt
                ? t('overview.drawer.since', {
                    span: formatFromNow(drawer.shift.openedAt).replace(/ ago$| আগে$/, ''),
                  })
                : ''}
              {i18n.language === 'bn' ? '।' : '.'}
            </p>
          </>
        )}
      </Card>
      <Card
        title={t('overview.arrivals.title')}
        testId="overview-arrivals"
        wide
        action={<Link onClick={() => go.queue('approved')}>{t('overview.arrivals.approved')}</Link>}
      >
        <ErrorBanner error={store.arrivals.error} />
        {arrivals && arrivals.length === 0 && <p className="muted">{t('overview.arrivals.none')}</p>}
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
  const { t } = useTranslation()
  return (
    <div className="overview__grid">
      <Card
        title={t('overview.pending.title')}
        testId="overview-pending"
        action={<Link onClick={() => go.queue('pending')}>{t('overview.pending.open')}</Link>}
      >
        <ErrorBanner error={store.pending.error} />
        {pending && (
          <>
            <div className="big-number">
              <Trans
                i18nKey="overview.pending.count"
                count={pending.total}
                values={{ n: formatCount(pending.total) }}
                components={{ n: <strong data-testid="overview-pending-count" /> }}
              />
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
              <p className="muted">{t('overview.pending.none')}</p>
            )}
          </>
        )}
      </Card>

      <Card
        title={t('overview.availability.title')}
        testId="overview-availability"
        action={<Link onClick={() => go.area('resources')}>{t('overview.availability.adjust')}</Link>}
      >
        <ErrorBanner error={store.resources.error} />
        <ResourceBars store={store} />
      </Card>

      <Card
        title={t('overview.notifications.title')}
        testId="overview-notifications"
        action={<Link onClick={() => notifications.toggle(true)}>{t('overview.notifications.all')}</Link>}
      >
        <ErrorBanner error={store.notifications.error} />
        {unread && (
          <>
            <div className="big-number">
              <Trans
                i18nKey="overview.notifications.unread"
                count={unread.unread}
                values={{ n: formatCount(unread.unread) }}
                components={{ n: <strong data-testid="overview-unread" /> }}
              />
            </div>
            {unread.items.length > 0 ? (
              <ul className="overview__list overview__list--plain">
                {unread.items.map((n) => (
                  <li key={n.id}>
                    <span className="overview__who">{notificationTitle(n.title)}</span>
                    <span className="muted small">{formatFromNow(n.createdAt)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('overview.notifications.none')}</p>
            )}
          </>
        )}
      </Card>
    </div>
  )
})
