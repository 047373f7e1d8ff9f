import { observer } from 'mobx-react-lite'
import { useEffect, useRef, useState } from 'react'
import { RESOURCE_LABEL, type BookingDetail } from '../../../shared/contract/bookings'
import { ErrorBanner } from '../components/Form'
import { allowedActions, type Verb } from '../stores/bookings'
import { useStores } from '../stores/root'
import { BookingSlip } from './BookingsSlip'
import { CountsBar, Legend, RESOURCE_NAME, STATUS_LABEL, StatusBadge, UrgencyBadge, when } from './BookingsUi'
import { BookingMoneyPanel } from './PaymentsBookingPanel'
import { formatPhone } from '../../../shared/phone'
import { ReferralPanel } from '../reports/Referral'

const VERB: Record<Verb, { label: string; needs?: 'reason' | 'note'; prompt?: string; kind: string }> = {
  approve: {
    label: 'Approve',
    needs: 'note',
    prompt: 'Note for the desk (optional): ward, bed, instructions',
    kind: 'primary',
  },
  decline: { label: 'Decline', needs: 'reason', prompt: 'Why is it declined?', kind: 'danger' },
  admit: { label: 'Admit patient', kind: 'primary' },
  discharge: { label: 'Discharge', needs: 'note', prompt: 'Discharge note (optional)', kind: 'primary' },
  cancel: { label: 'Cancel booking', needs: 'reason', prompt: 'Why is it cancelled?', kind: 'danger' },
}

export const BookingDetailScreen = observer(function BookingDetailScreen() {
  const { bookings } = useStores()
  const b = bookings.detail

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (
        e.key === 'Escape' &&
        !document.querySelector('.overlay') &&
        !(e.target as HTMLElement)?.closest?.('form')
      ) {
        bookings.close()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [bookings])

  return (
    <section className="page booking-detail">
      <button className="btn btn--ghost btn--small back" onClick={() => bookings.close()}>
        ← Back to the queue <kbd>Esc</kbd>
      </button>
      <ErrorBanner error={bookings.detailError} />
      {!b && !bookings.detailError && <p className="muted">Opening the booking…</p>}
      {b && <Detail b={b} />}
      {b && bookings.slipOpen && <BookingSlip booking={b} onClose={() => bookings.showSlip(false)} />}
    </section>
  )
})

const Detail = observer(function Detail({ b }: { b: BookingDetail }) {
  const { bookings, session } = useStores()
  const role = session.user!.role
  const actions = allowedActions(role, b.status)
  const admitted = [...b.history].reverse().find((h) => h.newStatus === 'admitted')
  return (
    <>
      <header className="page__header">
        <div>
          <div className="detail__ref mono">{b.bookingReference}</div>
          <h1>{b.patientName}</h1>
          <div className="detail__badges">
            <StatusBadge status={b.status} />
            <UrgencyBadge urgency={b.urgency} />
            <span className="muted">
              {RESOURCE_NAME[b.resourceType]} at {b.hospitalName}
            </span>
          </div>
        </div>
        {admitted && (
          <button className="btn" onClick={() => bookings.showSlip(true)}>
            Admission slip
          </button>
        )}
      </header>

      <Actions b={b} actions={actions} />
      <ReferralPanel b={b} />

      <div className="detail-grid">
        <article className="card">
          <h2>Patient</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{b.patientName}</dd>
            <dt>Age</dt>
            <dd>{b.patientAge}</dd>
            <dt>Gender</dt>
            <dd className="cap">{b.patientGender}</dd>
            <dt>Condition</dt>
            <dd>{b.medicalCondition}</dd>
          </dl>
        </article>
        <article className="card">
          <h2>Emergency contact</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{b.emergencyContactName}</dd>
            <dt>Phone</dt>
            <dd className="mono">{formatPhone(b.emergencyContactPhone)}</dd>
            <dt>Relationship</dt>
            <dd>{b.emergencyContactRelationship}</dd>
          </dl>
        </article>
        <article className="card">
          <h2>Booking</h2>
          <dl className="facts">
            <dt>Hospital</dt>
            <dd>{b.hospitalName}</dd>
            <dt>Resource</dt>
            <dd className="cap">{RESOURCE_LABEL[b.resourceType]}</dd>
            <dt>Scheduled</dt>
            <dd>{when(b.scheduledDate)}</dd>
            <dt>Duration</dt>
            <dd>{b.estimatedDuration} hours</dd>
            <dt>Registered by</dt>
            <dd>{b.createdByName}</dd>
            {b.approvedByName && (
              <>
                <dt>Approved by</dt>
                <dd>
                  {b.approvedByName}, {when(b.approvedAt)}
                </dd>
              </>
            )}
            {b.authorityNotes && (
              <>
                <dt>Authority’s note</dt>
                <dd>{b.authorityNotes}</dd>
              </>
            )}
            {b.declineReason && (
              <>
                <dt>Declined because</dt>
                <dd>{b.declineReason}</dd>
              </>
            )}
          </dl>
        </article>
      </div>

      <div className="detail-grid detail-grid--2">
        <article className="card">
          <h2>History</h2>
          <ol className="timeline" aria-label="Status history">
            {b.history.map((h) => (
              <li key={h.id} className={`timeline__item timeline__item--${h.newStatus}`}>
                <div className="timeline__dot" aria-hidden="true" />
                <div>
                  <div className="timeline__title">
                    {h.oldStatus === null ? 'Registered' : STATUS_LABEL[h.newStatus]}
                    <span className="muted"> · {when(h.changedAt)}</span>
                  </div>
                  <div className="muted small">by {h.changedByName ?? 'someone no longer on this desk'}</div>
                  {h.reason && <div className="timeline__note">“{h.reason}”</div>}
                  {h.notes && <div className="timeline__note">{h.notes}</div>}
                </div>
              </li>
            ))}
          </ol>
        </article>
        <div className="detail-side">
          {b.resource && (
            <article className="card">
              <h2>
                {RESOURCE_NAME[b.resourceType]} at {b.hospitalName} now
              </h2>
              <div className="big-number">
                <strong data-testid="detail-available">{b.resource.available}</strong> available of{' '}
                {b.resource.total}
              </div>
              <CountsBar counts={b.resource} />
              <Legend />
            </article>
          )}
          <BookingMoneyPanel key={b.status} booking={b} />
        </div>
      </div>
    </>
  )
})

const Actions = observer(function Actions({ b, actions }: { b: BookingDetail; actions: Verb[] }) {
  const { bookings } = useStores()
  const [asking, setAsking] = useState<Verb | null>(null)
  const [text, setText] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (asking) inputRef.current?.focus()
  }, [asking])
  useEffect(() => {
    setAsking(null)
    setText('')
  }, [b.status])

  if (actions.length === 0) {
    return (
      <p className="muted actions-none">
        {b.status === 'pending' || b.status === 'approved' || b.status === 'admitted'
          ? 'Nothing for you to do on this booking now.'
          : `This booking is ${STATUS_LABEL[b.status].toLowerCase()}: there is nothing more to do.`}
      </p>
    )
  }
  const run = async (verb: Verb) => {
    const spec = VERB[verb]
    if (spec.needs && asking !== verb) {
      setAsking(verb)
      return
    }
    if (await bookings.act(verb, b.id, text.trim() || undefined)) {
      setAsking(null)
      setText('')
    }
  }
  const fieldError =
    bookings.actionError?.fieldMessage('declineReason') ??
    bookings.actionError?.fieldMessage('reason') ??
    bookings.actionError?.fieldMessage('authorityNotes') ??
    bookings.actionError?.fieldMessage('notes')
  return (
    <div className="card detail-actions">
      <div className="actions">
        {actions.map((v) => (
          <button
            key={v}
            className={`btn btn--${VERB[v].kind}${asking && asking !== v ? ' is-dim' : ''}`}
            disabled={bookings.busy}
            onClick={() => void run(v)}
          >
            {VERB[v].label}
          </button>
        ))}
      </div>
      {asking && (
        <form
          className="inline-reason"
          onSubmit={(e) => {
            e.preventDefault()
            void run(asking)
          }}
        >
          <label htmlFor="action-text">{VERB[asking].prompt}</label>
          <input
            id="action-text"
            ref={inputRef}
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setAsking(null)
            }}
            aria-invalid={!!fieldError}
          />
          <button
            className={`btn btn--small btn--${VERB[asking].kind}`}
            type="submit"
            disabled={bookings.busy}
          >
            {VERB[asking].label}
          </button>
          <button className="btn btn--small btn--ghost" type="button" onClick={() => setAsking(null)}>
            Back
          </button>
          {fieldError && (
            <span className="field__error" role="alert">
              {VERB[asking].needs === 'reason' ? 'A reason ' : ''}
              {fieldError}
            </span>
          )}
        </form>
      )}
      {!fieldError && <ErrorBanner error={bookings.actionError} />}
    </div>
  )
})
