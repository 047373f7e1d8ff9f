import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WEEKDAYS, type Hospital } from '../../../shared/contract/hospitals'
import { formatDateTime, formatPhone } from '../../../shared/format'
import { ResourcePanel } from '../resources/ResourcesScreen'
import { useStores } from '../stores/root'
import { Facts, HospitalStatusBadge, PageHeader } from '../ui'
import { DecisionDialog, type Decision } from './DecisionDialog'
import { HospitalForm } from './HospitalForm'

function Tags({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p className="muted tags-empty">{empty}</p>
  return (
    <ul className="tags">
      {items.map((t) => (
        <li key={t} className="tag">
          {t}
        </li>
      ))}
    </ul>
  )
}

/** The decisions this hospital's status allows, in the order the header shows them. */
function decisions(h: Hospital): Decision[] {
  if (h.status === 'pending') return ['reject', 'approve']
  if (h.status === 'approved') return ['suspend']
  return ['approve']
}

function HospitalCards({ hospital: h }: { hospital: Hospital }) {
  const { t } = useTranslation()
  const hours = h.operatingHours ?? {}
  const days = WEEKDAYS.filter((d) => hours[d])
  return (
    <div className="cards hospital-cards">
      <article className="card">
        <h2>{t('hospitals.detail.contact')}</h2>
        <Facts
          rows={[
            [t('hospitals.detail.phone'), formatPhone(h.phone)],
            [t('hospitals.detail.emergency'), h.emergencyContact && formatPhone(h.emergencyContact)],
            [t('hospitals.detail.email'), h.email],
            [t('hospitals.detail.website'), h.website],
            [t('hospitals.detail.licence'), h.licenseNumber],
          ]}
        />
      </article>
      <article className="card">
        <h2>{t('hospitals.detail.care')}</h2>
        {h.description && <p className="hospital-description">{h.description}</p>}
        <h3>{t('hospitals.detail.specialties')}</h3>
        <Tags items={h.specialties} empty={t('hospitals.detail.noneListed')} />
        <h3>{t('hospitals.detail.facilities')}</h3>
        <Tags items={h.facilities} empty={t('hospitals.detail.noneListed')} />
      </article>
      <article className="card">
        <h2>{t('hospitals.detail.hours')}</h2>
        {days.length === 0 ? (
          <p className="muted">{t('hospitals.detail.notGiven')}</p>
        ) : (
          <Facts rows={days.map((d) => [t(`hospitals.weekday.${d}`), hours[d]] as const)} />
        )}
        <h2 className="spaced">{t('hospitals.detail.review')}</h2>
        <Facts
          rows={[
            [t('hospitals.detail.registered'), formatDateTime(h.createdAt)],
            [t('hospitals.detail.approved'), h.approvedAt && formatDateTime(h.approvedAt)],
          ]}
        />
      </article>
    </div>
  )
}

export const HospitalDetail = observer(function HospitalDetail({ hospital: h }: { hospital: Hospital }) {
  const { t } = useTranslation()
  const { hospitals, resources } = useStores()
  const [editing, setEditing] = useState(false)
  const [deciding, setDeciding] = useState<Decision | null>(null)
  useEffect(() => {
    resources.choose(h.id)
  }, [resources, h.id])
  const decisionLabel = (d: Decision) =>
    d === 'approve' && h.status !== 'pending'
      ? t('hospitals.detail.approveAgain')
      : t(`hospitals.detail.${d}`)

  return (
    <section className="page">
      <button className="btn btn--ghost btn--small back-link" onClick={() => hospitals.open(null)}>
        {t('hospitals.detail.back')}
      </button>
      <PageHeader
        titleClassName="title-with-badge"
        title={
          <>
            {h.name} <HospitalStatusBadge status={h.status} />
          </>
        }
        subtitle={h.address}
      >
        <div className="actions">
          <button className="btn" aria-haspopup="dialog" onClick={() => setEditing(true)}>
            {t('hospitals.detail.edit')}
          </button>
          {decisions(h).map((d) => (
            <button
              key={d}
              className={d === 'approve' ? 'btn btn--primary' : d === 'suspend' ? 'btn btn--danger' : 'btn'}
              aria-haspopup="dialog"
              onClick={() => setDeciding(d)}
            >
              {decisionLabel(d)}
            </button>
          ))}
        </div>
      </PageHeader>
      {h.status === 'rejected' && h.rejectionReason && (
        <div className="banner banner--danger">
          {t('hospitals.detail.rejected', { reason: h.rejectionReason })}
        </div>
      )}
      {h.status === 'suspended' && (
        <div className="banner banner--warning">{t('hospitals.detail.suspended')}</div>
      )}
      <HospitalCards hospital={h} />
      <h2 className="section-title">{t('hospitals.detail.resources')}</h2>
      <ResourcePanel />
      {editing && (
        <HospitalForm hospital={h} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {deciding && <DecisionDialog hospital={h} decision={deciding} onClose={() => setDeciding(null)} />}
    </section>
  )
})
