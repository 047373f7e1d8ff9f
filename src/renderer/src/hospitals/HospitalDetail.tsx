import { observer } from 'mobx-react-lite'
import { useEffect, useState, type FormEvent } from 'react'
import { WEEKDAYS, type Hospital } from '../../../shared/contract/hospitals'
import { DeskError } from '../../../shared/errors'
import { formatDateTime } from '../../../shared/format'
import { asDeskError } from '../api/client'
import { ResourcePanel } from '../resources/ResourcesScreen'
import { useStores } from '../stores/root'
import { Dialog, ErrorBanner, HospitalStatusBadge, TextAreaField } from '../ui'
import { HospitalForm } from './HospitalForm'

type Decision = 'approve' | 'reject' | 'suspend'

export const HospitalDetail = observer(function HospitalDetail({ hospital: h }: { hospital: Hospital }) {
  const { hospitals, resources } = useStores()
  const [editing, setEditing] = useState(false)
  const [deciding, setDeciding] = useState<Decision | null>(null)
  useEffect(() => {
    resources.choose(h.id)
  }, [resources, h.id])
  const hours = h.operatingHours ?? {}

  return (
    <section className="page">
      <button className="btn btn--ghost btn--small back-link" onClick={() => hospitals.open(null)}>
        ← All hospitals
      </button>
      <header className="page__header">
        <div>
          <h1 className="title-with-badge">
            {h.name} <HospitalStatusBadge status={h.status} />
          </h1>
          <p className="muted">{h.address}</p>
        </div>
        <div className="actions">
          <button className="btn" aria-haspopup="dialog" onClick={() => setEditing(true)}>
            Edit details
          </button>
          {h.status === 'pending' && (
            <button className="btn" aria-haspopup="dialog" onClick={() => setDeciding('reject')}>
              Reject
            </button>
          )}
          {h.status === 'approved' && (
            <button className="btn btn--danger" aria-haspopup="dialog" onClick={() => setDeciding('suspend')}>
              Suspend
            </button>
          )}
          {h.status !== 'approved' && (
            <button
              className="btn btn--primary"
              aria-haspopup="dialog"
              onClick={() => setDeciding('approve')}
            >
              {h.status === 'pending' ? 'Approve' : 'Approve again'}
            </button>
          )}
        </div>
      </header>
      {h.status === 'rejected' && h.rejectionReason && (
        <div className="banner banner--danger">Rejected: {h.rejectionReason}</div>
      )}
      {h.status === 'suspended' && (
        <div className="banner banner--warning">
          Suspended: this hospital takes no bookings until approved again.
        </div>
      )}
      <div className="cards hospital-cards">
        <article className="card">
          <h2>Contact</h2>
          <dl className="facts facts--narrow">
            <dt>Phone</dt>
            <dd>{h.phone}</dd>
            <dt>Emergency</dt>
            <dd>{h.emergencyContact ?? '—'}</dd>
            <dt>Email</dt>
            <dd>{h.email ?? '—'}</dd>
            <dt>Website</dt>
            <dd>{h.website ?? '—'}</dd>
            <dt>Licence</dt>
            <dd>{h.licenseNumber ?? '—'}</dd>
          </dl>
        </article>
        <article className="card">
          <h2>Care</h2>
          {h.description && <p className="hospital-description">{h.description}</p>}
          <h3>Specialties</h3>
          <Tags items={h.specialties} empty="None listed" />
          <h3>Facilities</h3>
          <Tags items={h.facilities} empty="None listed" />
        </article>
        <article className="card">
          <h2>Opening hours</h2>
          {Object.keys(hours).length === 0 ? (
            <p className="muted">Not given.</p>
          ) : (
            <dl className="facts facts--narrow">
              {WEEKDAYS.filter((d) => hours[d]).map((d) => (
                <div key={d} className="facts__row">
                  <dt>{d[0]!.toUpperCase() + d.slice(1)}</dt>
                  <dd>{hours[d]}</dd>
                </div>
              ))}
            </dl>
          )}
          <h2 className="spaced">Review</h2>
          <dl className="facts facts--narrow">
            <dt>Registered</dt>
            <dd>{formatDateTime(h.createdAt)}</dd>
            <dt>Approved</dt>
            <dd>{h.approvedAt ? formatDateTime(h.approvedAt) : '—'}</dd>
          </dl>
        </article>
      </div>
      <h2 className="section-title">Resources</h2>
      <ResourcePanel />
      {editing && (
        <HospitalForm hospital={h} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {deciding && <DecisionDialog hospital={h} decision={deciding} onClose={() => setDeciding(null)} />}
    </section>
  )
})

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

const DECISION_TEXT: Record<Decision, { title: string; body: string; button: string; danger?: boolean }> = {
  approve: {
    title: 'Approve this hospital?',
    body: 'It will take bookings from every desk. Your name and the time are recorded as its approval.',
    button: 'Approve',
  },
  reject: {
    title: 'Reject this registration?',
    body: 'The hospital will take no bookings. Say why: the reason is kept with its record.',
    button: 'Reject',
    danger: true,
  },
  suspend: {
    title: 'Suspend this hospital?',
    body: 'It stops taking new bookings at once. Approving it again lifts the suspension.',
    button: 'Suspend',
    danger: true,
  },
}

function DecisionDialog({
  hospital,
  decision,
  onClose,
}: {
  hospital: Hospital
  decision: Decision
  onClose: () => void
}) {
  const { hospitals } = useStores()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const text = DECISION_TEXT[decision]

  async function confirm(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      if (decision === 'reject') await hospitals.reject(hospital.id, reason)
      else await hospitals.decide(decision, hospital.id)
      onClose()
    } catch (err) {
      setError(asDeskError(err))
      setBusy(false)
    }
  }

  return (
    <Dialog title={text.title} subtitle={hospital.name} onClose={busy ? () => {} : onClose}>
      <form onSubmit={confirm} noValidate>
        <p>{text.body}</p>
        {decision === 'reject' && (
          <TextAreaField
            label="Reason"
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error}
            autoFocus
            rows={3}
          />
        )}
        {!error?.details?.fields && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            className={`btn ${text.danger ? 'btn--danger' : 'btn--primary'}`}
            disabled={busy}
            autoFocus={decision !== 'reject'}
          >
            {text.button}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
