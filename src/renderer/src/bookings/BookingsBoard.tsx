import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { RESOURCE_TYPES, type ResourceType } from '../../../shared/schemas'
import { ErrorBanner } from '../ui/Field'
import { HospitalHeading } from '../reports/BoardOccupancy'
import { useLive } from '../live/useLive'
import { useStores } from '../stores/root'
import './bookings.css'
import { CountsBar, Legend, Segmented, PageHeader } from '../ui'
import { formatCount, resourceTitle } from '../../../shared/labels'
import { formatTime } from '../../../shared/format'

/** The availability board: the screen a desk leaves open. Every approved hospital, live. */
export const BoardScreen = observer(function BoardScreen() {
  const { board } = useStores()
  const { t } = useTranslation()

  useEffect(() => {
    void board.refresh()
  }, [board])
  useLive(['resources', 'hospitals'], () => board.refresh())

  const types: ResourceType[] = board.filter === 'all' ? [...RESOURCE_TYPES] : [board.filter]
  const hospitals = board.hospitals
  return (
    <section className="page board">
      <PageHeader
        title={t('bookings.board.title')}
        subtitle={
          board.updatedAt
            ? t('bookings.board.subtitleChecked', { time: formatTime(board.updatedAt) })
            : t('bookings.board.subtitle')
        }
      >
        <Segmented
          label={t('bookings.board.resource')}
          choices={(['all', ...RESOURCE_TYPES] as const).map((type) => ({
            value: type,
            label: type === 'all' ? t('bookings.board.all') : resourceTitle(type),
          }))}
          value={board.filter}
          onChange={(type) => board.setFilter(type)}
        />
      </PageHeader>

      <div className="board__totals">
        {types.map((type) => {
          const total = board.totals(type)
          return (
            <div key={type} className="card board__total" data-testid={`board-total-${type}`}>
              <div className="board__total-label">
                {t('bookings.board.freeAcross', {
                  resources: resourceTitle(type),
                  count: hospitals.length,
                  n: formatCount(hospitals.length),
                })}
              </div>
              <div className="big-number">
                <Trans
                  i18nKey="bookings.board.ofTotal"
                  values={{ available: formatCount(total.available), total: formatCount(total.total) }}
                  components={{ n: <strong /> }}
                />
              </div>
              <CountsBar counts={total} label={resourceTitle(type)} />
            </div>
          )
        })}
      </div>
      <Legend />
      <ErrorBanner error={board.error} />

      <div className={`board__grid board__grid--${types.length === 1 ? 'one' : 'all'}`}>
        {hospitals.map((h) => (
          <article
            key={h.hospitalId}
            className="card board__hospital"
            data-testid={`board-hospital-${h.hospitalId}`}
          >
            <HospitalHeading name={h.hospitalName} resources={h.resources} types={types} />
            {types.map((type) => {
              const r = h.resources[type]
              if (!r) return null
              const low = r.total > 0 && r.available / r.total < 0.1
              return (
                <div key={type} className="board__row">
                  <div className="board__row-head">
                    <span>{resourceTitle(type)}</span>
                    <span
                      className={`board__free${r.available === 0 ? ' board__free--none' : low ? ' board__free--low' : ''}`}
                      data-testid={`board-${h.hospitalId}-${type}`}
                    >
                      {t('bookings.board.free', { n: formatCount(r.available) })}
                      <span className="muted"> / {formatCount(r.total)}</span>
                    </span>
                  </div>
                  <CountsBar counts={r} label={`${h.hospitalName} ${resourceTitle(type)}`} />
                  <div className="board__nums muted">
                    {t('bookings.board.counts', {
                      reserved: formatCount(r.reserved),
                      occupied: formatCount(r.occupied),
                    })}
                    {r.maintenance ? t('bookings.board.maintenance', { n: formatCount(r.maintenance) }) : ''}
                  </div>
                </div>
              )
            })}
          </article>
        ))}
      </div>
      {hospitals.length === 0 && !board.loading && <div className="empty">{t('bookings.board.empty')}</div>}
    </section>
  )
})
