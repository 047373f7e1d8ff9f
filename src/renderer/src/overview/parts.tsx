import { observer } from 'mobx-react-lite'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount, resourceTitle } from '../../../shared/labels'
import { RESOURCE_TYPES } from '../../../shared/schemas'
import type { QueueView } from '../bookings/bookings'
import { useStores } from '../stores/root'
import { CountsBar, Legend } from '../ui'
import { type OverviewStore } from './overview'

/** Go to an area, or into the bookings queue on a given tab, or straight to one booking. */
export function useGo() {
  const { ui, bookings } = useStores()
  return {
    area: (id: string) => ui.go(id),
    queue: (view?: QueueView) => {
      bookings.close()
      if (view) bookings.setView(view)
      ui.go('bookings')
    },
    booking: (id: number) => {
      void bookings.open(id)
      ui.go('bookings')
    },
  }
}

export function Card({
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

export function Link({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button className="btn btn--ghost btn--small overview__link" onClick={onClick}>
      {children} →
    </button>
  )
}

// ---- Shared -------------------------------------------------------------------------------------

export const ResourceBars = observer(function ResourceBars({ store }: { store: OverviewStore }) {
  const { t: tr } = useTranslation()
  if (!store.resources.value) return null
  if (store.resources.value.length === 0)
    return <p className="muted">{tr('overview.availability.noResources')}</p>
  return (
    <>
      {RESOURCE_TYPES.map((t) => {
        const c = store.totals(t)
        return (
          <div key={t} className="overview__res">
            <div className="overview__res-head">
              <span>{resourceTitle(t)}</span>
              <span
                className={c.total > 0 && c.available === 0 ? 'overview__warn' : undefined}
                data-testid={`overview-free-${t}`}
              >
                {tr('overview.availability.free', { available: formatCount(c.available) })}{' '}
                <span className="muted">/ {formatCount(c.total)}</span>
              </span>
            </div>
            <CountsBar counts={c} label={resourceTitle(t)} />
          </div>
        )
      })}
      <Legend
        only={PARTS.filter((p) => p === 'available' || RESOURCE_TYPES.some((t) => store.totals(t)[p] > 0))}
      />
    </>
  )
})

export const PARTS = ['available', 'reserved', 'occupied', 'maintenance'] as const

/** The facts issue 3 asks for: which app, which schema, which file. */
export const ThisDesk = observer(function ThisDesk() {
  const { session } = useStores()
  const status = session.status
  const { t } = useTranslation()
  return (
    <aside className="card overview__desk" aria-label={t('overview.desk.title')} data-testid="overview-desk">
      <h2>{t('overview.desk.title')}</h2>
      <dl>
        <div>
          <dt>{t('overview.desk.appVersion')}</dt>
          <dd>{status?.appVersion}</dd>
        </div>
        <div>
          <dt>{t('overview.desk.schemaVersion')}</dt>
          <dd>{status ? formatCount(status.schemaVersion) : null}</dd>
        </div>
        <div className="overview__desk-db">
          <dt>{t('overview.desk.database')}</dt>
          <dd className="mono">{status?.databasePath}</dd>
        </div>
      </dl>
    </aside>
  )
})
