import { observer } from 'mobx-react-lite'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Booking } from '../../../shared/contract/bookings'
import { formatWaited, formatWhen } from '../../../shared/format'
import { formatCount, resourceTitle } from '../../../shared/labels'
import { useStores } from '../stores/root'
import { Badge, StatusBadge, UrgencyBadge } from '../ui'
import { useNow } from '../ui/useNow'
import { allowedActions } from './bookings'

/**
 * One booking in the queue: what an authority decides on at a glance (urgency, how long the
 * patient has waited, whether the scheduled time has passed, how many of the resource are free
 * now), its actions, and the decline reason typed inline.
 */
export const QueueRow = observer(function QueueRow({
  booking: b,
  index,
  scoped,
}: {
  booking: Booking
  index: number
  scoped: boolean
}) {
  const { bookings, board, session } = useStores()
  const { t } = useTranslation()
  const role = session.user!.role
  const now = useNow()
  const free = board.resource(b.hospitalId, b.resourceType)
  const waiting = b.status === 'pending' || b.status === 'approved'
  const overdue = waiting && new Date(b.scheduledDate).getTime() < now.getTime()
  const actions = allowedActions(role, b.status)
  const selected = bookings.cursor === index
  const declining = bookings.decliningId === b.id
  const [reason, setReason] = useState('')
  const reasonRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (declining) reasonRef.current?.focus()
  }, [declining])

  const confirmDecline = async () => {
    if (await bookings.act('decline', b.id, reason)) setReason('')
  }

  return (
    <>
      <tr
        className={`queue-row queue-row--${b.urgency}${selected ? ' is-selected' : ''}`}
        onClick={() => {
          bookings.select(index)
          void bookings.open(b.id)
        }}
        data-testid={`queue-row-${b.bookingReference}`}
      >
        <td>
          <UrgencyBadge urgency={b.urgency} />
        </td>
        <td>
          <div className="patient">{b.patientName}</div>
          <div className="muted small">
            <span className="mono">{b.bookingReference}</span> ·{' '}
            {t('bookings.row.age', { age: formatCount(b.patientAge) })} · {b.medicalCondition}
          </div>
        </td>
        {!scoped && <td>{b.hospitalName}</td>}
        <td data-testid="queue-free">
          <div>{resourceTitle(b.resourceType, 'one')}</div>
          {free && (
            <div className={free.available === 0 ? 'none-free small' : 'muted small'}>
              {free.available === 0
                ? t('bookings.row.noneFree')
                : t('bookings.row.free', {
                    free: formatCount(free.available),
                    total: formatCount(free.total),
                  })}
            </div>
          )}
        </td>
        <td className="when">
          <div>
            {formatWhen(b.scheduledDate)}{' '}
            {overdue && <Badge tone="danger">{t('bookings.row.overdue')}</Badge>}
          </div>
          {waiting && (
            <div className="muted small">
              {t('bookings.row.waiting', { time: formatWaited(b.createdAt, now) })}
            </div>
          )}
        </td>
        <td>
          <StatusBadge status={b.status} />
        </td>
        <td className="queue__actions" onClick={(e) => e.stopPropagation()}>
          {actions.includes('approve') && (
            <button
              className="btn btn--small btn--primary"
              disabled={bookings.busy}
              onClick={() => void bookings.act('approve', b.id)}
              title={t('bookings.row.approveTitle')}
            >
              {t('bookings.row.approve')}
            </button>
          )}
          {actions.includes('decline') && !declining && (
            <button
              className="btn btn--small"
              onClick={() => bookings.startDecline(b.id)}
              title={t('bookings.row.declineTitle')}
            >
              {t('bookings.row.decline')}
            </button>
          )}
          {actions.includes('admit') && (
            <button
              className="btn btn--small btn--primary"
              disabled={bookings.busy}
              onClick={() => void bookings.act('admit', b.id)}
              title={t('bookings.row.admitTitle')}
            >
              {t('bookings.row.admit')}
            </button>
          )}
        </td>
      </tr>
      {declining && (
        <tr className="queue-decline">
          <td colSpan={scoped ? 6 : 7}>
            <form
              className="inline-reason"
              onSubmit={(e) => {
                e.preventDefault()
                void confirmDecline()
              }}
            >
              <label htmlFor={`decline-${b.id}`}>
                {t('bookings.row.declineReason', { reference: b.bookingReference })}
              </label>
              <input
                id={`decline-${b.id}`}
                ref={reasonRef}
                className="input"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') bookings.startDecline(null)
                }}
                placeholder={t('bookings.row.declinePlaceholder')}
                aria-invalid={!!bookings.actionError?.fieldMessage('declineReason')}
              />
              <button className="btn btn--small btn--danger" type="submit" disabled={bookings.busy}>
                {t('bookings.row.decline')}
              </button>
              <button
                className="btn btn--small btn--ghost"
                type="button"
                onClick={() => bookings.startDecline(null)}
              >
                {t('bookings.row.keepPending')} <kbd>Esc</kbd>
              </button>
              {bookings.actionError?.fieldMessage('declineReason') && (
                <span className="field__error" role="alert">
                  {t('bookings.reasonProblem', {
                    message: bookings.actionError.fieldMessage('declineReason'),
                  })}
                </span>
              )}
            </form>
          </td>
        </tr>
      )}
    </>
  )
})
