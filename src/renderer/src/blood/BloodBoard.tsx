import { observer } from 'mobx-react-lite'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { BLOOD_TYPES, type BloodRequest } from '../../../shared/contract/blood'
import { formatDateTime, formatFromNow, formatPhone } from '../../../shared/format'
import { useStores } from '../stores/root'
import { cx, UrgencyBadge } from '../ui'

/** A request is "soon" (the time shown in warning colour) when it is needed within six hours. */
const SOON_MS = 6 * 3_600_000

const units = (requests: BloodRequest[]) => requests.reduce((s, r) => s + r.unitsNeeded, 0)

function RequestCard({ r }: { r: BloodRequest }) {
  const { t } = useTranslation()
  const { blood } = useStores()
  const soon = r.requiredBy && new Date(r.requiredBy).getTime() - Date.now() < SOON_MS
  return (
    <li className={`blood-card blood-card--${r.urgency}`} data-testid={`blood-request-${r.id}`}>
      <div className="blood-card__top">
        <strong>{r.patientName}</strong>
        <UrgencyBadge urgency={r.urgency} />
      </div>
      <div className="blood-card__units">
        {t('blood.card.units', { count: r.unitsNeeded })}
        {r.requiredBy && (
          <span className={soon ? 'warn-text' : 'muted'} title={formatDateTime(r.requiredBy)}>
            {' · '}
            {t('blood.card.needed', { when: formatFromNow(r.requiredBy) })}
          </span>
        )}
      </div>
      <div className="muted small">{r.hospitalName ?? r.location}</div>
      {r.hospitalName && <div className="muted small">{r.location}</div>}
      <div className="small">
        <a href={`tel:${r.contactPhone.replace(/[^+0-9]/g, '')}`}>{formatPhone(r.contactPhone)}</a>
      </div>
      <div className="blood-card__actions">
        <button className="btn btn--small btn--primary" onClick={() => void blood.update(r.id, 'fulfilled')}>
          {t('blood.card.fulfilled')}
        </button>
        <button className="btn btn--small" onClick={() => void blood.update(r.id, 'cancelled')}>
          {t('blood.card.cancel')}
        </button>
      </div>
    </li>
  )
}

/** The active requests, one column a blood type, so the bank sees at a glance what to cross-match. */
export const BloodBoard = observer(function BloodBoard() {
  const { t } = useTranslation()
  const { blood } = useStores()
  return (
    <div className="blood-board" aria-label={t('blood.board')}>
      {BLOOD_TYPES.map((type) => {
        const requests = blood.active.filter((r) => r.bloodType === type)
        return (
          <section
            key={type}
            className={cx('blood-col', !requests.length && 'blood-col--empty')}
            aria-label={t('blood.column', { type })}
          >
            <header className="blood-col__head">
              <span className="blood-drop">{type}</span>
              <span className="muted small">
                {requests.length ? t('blood.columnUnits', { count: units(requests) }) : t('blood.columnNone')}
              </span>
            </header>
            <ul>
              {requests.map((r) => (
                <RequestCard key={r.id} r={r} />
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
})

/** "2 active requests, 5 units needed." */
export function bloodSummary(t: TFunction, active: BloodRequest[]): string {
  if (!active.length) return t('blood.noActive')
  return t('blood.summary', {
    requests: t('blood.activeRequests', { count: active.length }),
    units: t('blood.unitsNeeded', { count: units(active) }),
  })
}
