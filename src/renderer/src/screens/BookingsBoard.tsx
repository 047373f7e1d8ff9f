import { format } from 'date-fns'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { RESOURCE_TYPES, type ResourceType } from '../../../shared/schemas'
import { ErrorBanner } from '../components/Form'
import { HospitalHeading } from '../reports/BoardOccupancy'
import { useLive } from '../live/useLive'
import { useStores } from '../stores/root'
import { CountsBar, Legend, RESOURCE_PLURAL } from './BookingsUi'
import '../bookings.css'

/** The availability board: the screen a desk leaves open. Every approved hospital, live. */
export const BoardScreen = observer(function BoardScreen() {
  const { board } = useStores()

  useEffect(() => {
    void board.refresh()
  }, [board])
  useLive(['resources', 'hospitals'], () => board.refresh())

  const types: ResourceType[] = board.filter === 'all' ? [...RESOURCE_TYPES] : [board.filter]
  const hospitals = board.hospitals
  return (
    <section className="page board">
      <header className="page__header">
        <div>
          <h1>Availability board</h1>
          <p className="muted">
            Every approved hospital, live: it changes the moment a booking is approved, admitted or discharged
            or anywhere else{board.updatedAt ? `; checked ${format(board.updatedAt, 'HH:mm:ss')}` : ''}.
          </p>
        </div>
        <div className="segmented" role="group" aria-label="Resource">
          {(['all', ...RESOURCE_TYPES] as const).map((t) => (
            <button
              key={t}
              className={`segmented__btn${board.filter === t ? ' segmented__btn--on' : ''}`}
              aria-pressed={board.filter === t}
              onClick={() => board.setFilter(t)}
            >
              {t === 'all' ? 'All' : RESOURCE_PLURAL[t]}
            </button>
          ))}
        </div>
      </header>

      <div className="board__totals">
        {types.map((t) => {
          const total = board.totals(t)
          return (
            <div key={t} className="card board__total" data-testid={`board-total-${t}`}>
              <div className="board__total-label">
                {RESOURCE_PLURAL[t]} free across {hospitals.length} hospitals
              </div>
              <div className="big-number">
                <strong>{total.available.toLocaleString()}</strong> of {total.total.toLocaleString()}
              </div>
              <CountsBar counts={total} label={RESOURCE_PLURAL[t]} />
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
            {types.map((t) => {
              const r = h.resources[t]
              if (!r) return null
              const low = r.total > 0 && r.available / r.total < 0.1
              return (
                <div key={t} className="board__row">
                  <div className="board__row-head">
                    <span>{RESOURCE_PLURAL[t]}</span>
                    <span
                      className={`board__free${r.available === 0 ? ' board__free--none' : low ? ' board__free--low' : ''}`}
                      data-testid={`board-${h.hospitalId}-${t}`}
                    >
                      {r.available} free
                      <span className="muted"> / {r.total}</span>
                    </span>
                  </div>
                  <CountsBar counts={r} label={`${h.hospitalName} ${RESOURCE_PLURAL[t]}`} />
                  <div className="board__nums muted">
                    {r.reserved} reserved · {r.occupied} occupied
                    {r.maintenance ? ` · ${r.maintenance} maintenance` : ''}
                  </div>
                </div>
              )
            })}
          </article>
        ))}
      </div>
      {hospitals.length === 0 && !board.loading && <div className="empty">No approved hospital yet.</div>}
    </section>
  )
})
