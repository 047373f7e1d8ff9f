import { observer } from 'mobx-react-lite'
import { useEffect, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { BookingDetail } from '../../../shared/contract/bookings'
import { ErrorBanner } from '../ui/Field'
import { allowedActions, type Verb } from './bookings'
import { useStores } from '../stores/root'
import { BookingSlip } from './BookingsSlip'
import { BookingMoneyPanel } from '../payments/PaymentsBookingPanel'
import { CountsBar, dialogOpen, Legend, StatusBadge, UrgencyBadge } from '../ui'
import { formatDateTime, formatPhone } from '../../../shared/format'
import { BOOKING_STATUS_LABEL, formatCount, GENDER_LABEL, resourceTitle } from '../../../shared/labels'
import { ReferralPanel } from '../reports/Referral'

/** Each transition's button: what it asks for first, and how it looks (its words: bookings.detail.verb/prompt). */
const VERB: Record<Verb, { needs?: 'reason' | 'note'; kind: string }> = {
  approve: { needs: 'note', kind: 'primary' },
  decline: { needs: 'reason', kind: 'danger' },
  admit: { kind: 'primary' },
  discharge: { needs: 'note', kind: 'primary' },
  cancel: { needs: 'reason', kind: 'danger' },
}

export const BookingDetailScreen = observer(function BookingDetailScreen() {
  const { bookings } = useStores()
  const { t } = useTranslation()
  const b = bookings.detail

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape' && !dialogOpen() && !(e.target as HTMLElement)?.closest?.('form')) {
        bookings.close()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [bookings])

  return (
    <section className="page booking-detail">
      <button className="btn btn--ghost btn--small back" onClick={() => bookings.close()}>
        {t('bookings.detail.back')} <kbd>Esc</kbd>
      </button>
      <ErrorBanner error={bookings.detailError} />
      {!b && !bookings.detailError && <p className="muted">{t('bookings.detail.opening')}</p>}
      {b && <Detail b={b} />}
      {b && bookings.slipOpen && <BookingSlip booking={b} onClose={() => bookings.showSlip(false)} />}
    </section>
  )
})

const Detail = observer(function Detail({ b }: { b: BookingDetail }) {
  const { bookings, session } = useStores()
  const { t } = useTranslation()
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
              {t('bookings.detail.resourceAt', {
                resource: resourceTitle(b.resourceType, 'one'),
                hospital: b.hospitalName,
              })}
            </span>
          </div>
        </div>
        {admitted && (
          <button className="btn" onClick={() => bookings.showSlip(true)}>
            {t('bookings.detail.slip')}
          </button>
        )}
      </header>

      <Actions b={b} actions={actions} />
      <ReferralPanel b={b} />

      <div className="detail-grid">
        <article className="card">
          <h2>{t('bookings.detail.patient')}</h2>
          <dl className="facts">
            <dt>{t('bookings.detail.name')}</dt>
            <dd>{b.patientName}</dd>
            <dt>{t('bookings.detail.age')}</dt>
            <dd>{formatCount(b.patientAge)}</dd>
            <dt>{t('bookings.detail.gender')}</dt>
            <dd>{GENDER_LABEL[b.patientGender]}</dd>
            <dt>{t('bookings.detail.condition')}</dt>
            <dd>{b.medicalCondition}</dd>
          </dl>
        </article>
        <article className="card">
          <h2>{t('bookings.detail.emergencyContact')}</h2>
          <dl className="facts">
            <dt>{t('bookings.detail.name')}</dt>
            <dd>{b.emergencyContactName}</dd>
            <dt>{t('bookings.detail.phone')}</dt>
            <dd className="mono" data-testid="detail-phone">
              {formatPhone(b.emergencyContactPhone)}
            </dd>
            <dt>{t('bookings.detail.relationship')}</dt>
            <dd>{b.emergencyContactRelationship}</dd>
          </dl>
        </article>
        <article className="card">
          <h2>{t('bookings.detail.booking')}</h2>
          <dl className="facts">
            <dt>{t('bookings.detail.hospital')}</dt>
            <dd>{b.hospitalName}</dd>
            <dt>{t('bookings.detail.resource')}</dt>
            <dd>{resourceTitle(b.resourceType, 'one')}</dd>
            <dt>{t('bookings.detail.scheduled')}</dt>
            <dd>{formatDateTime(b.scheduledDate)}</dd>
            <dt>{t('bookings.detail.duration')}</dt>
            <dd>
              {t('bookings.detail.hours', {
                count: b.estimatedDuration,
                n: formatCount(b.estimatedDuration),
              })}
            </dd>
            <dt>{t('bookings.detail.registeredBy')}</dt>
            <dd>{b.createdByName}</dd>
            {b.approvedByName && (
              <>
                <dt>{t('bookings.detail.approvedBy')}</dt>
                <dd>
                  {b.approvedByName}, {formatDateTime(b.approvedAt)}
                </dd>
              </>
            )}
            {b.authorityNotes && (
              <>
                <dt>{t('bookings.detail.authorityNote')}</dt>
                <dd>{b.authorityNotes}</dd>
              </>
            )}
            {b.declineReason && (
              <>
                <dt>{t('bookings.detail.declinedBecause')}</dt>
                <dd>{b.declineReason}</dd>
              </>
            )}
          </dl>
        </article>
      </div>

      <div className="detail-grid detail-grid--2">
        <article className="card">
          <h2>{t('bookings.detail.history')}</h2>
          <ol className="timeline" aria-label={t('bookings.detail.statusHistory')}>
            {b.history.map((h) => (
              <li key={h.id} className={`timeline__item timeline__item--${h.newStatus}`}>
                <div className="timeline__dot" aria-hidden="true" />
                <div>
                  <div className="timeline__title">
                    {h.oldStatus === null
                      ? t('bookings.detail.registered')
                      : BOOKING_STATUS_LABEL[h.newStatus]}
                    <span className="muted"> · {formatDateTime(h.changedAt)}</span>
                  </div>
                  <div className="muted small">
                    {t('bookings.detail.by', { name: h.changedByName ?? t('bookings.detail.someoneGone') })}
                  </div>
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
                {t('bookings.detail.resourceNow', {
                  resource: resourceTitle(b.resourceType, 'one'),
                  hospital: b.hospitalName,
                })}
              </h2>
              <div className="big-number">
                <Trans
                  i18nKey="bookings.detail.availableOf"
                  values={{
                    available: formatCount(b.resource.available),
                    total: formatCount(b.resource.total),
                  }}
                  components={{ n: <strong data-testid="detail-available" /> }}
                />
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
  const { t } = useTranslation()
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
          ? t('bookings.detail.nothingForYou')
          : t('bookings.detail.nothingMore', { status: BOOKING_STATUS_LABEL[b.status].toLowerCase() })}
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
            {t(`bookings.detail.verb.${v}`)}
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
          <label htmlFor="action-text">{t(`bookings.detail.prompt.${asking}`)}</label>
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
            {t(`bookings.detail.verb.${asking}`)}
          </button>
          <button className="btn btn--small btn--ghost" type="button" onClick={() => setAsking(null)}>
            {t('bookings.detail.back2')}
          </button>
          {fieldError && (
            <span className="field__error" role="alert">
              {VERB[asking].needs === 'reason'
                ? t('bookings.reasonProblem', { message: fieldError })
                : fieldError}
            </span>
          )}
        </form>
      )}
      {!fieldError && <ErrorBanner error={bookings.actionError} />}
    </div>
  )
})
