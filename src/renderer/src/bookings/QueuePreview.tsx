import { observer } from 'mobx-react-lite'
import { formatDateTime, formatWaited } from '../../../shared/format'
import { RESOURCE_LABEL, resourceTitle } from '../../../shared/labels'
import { useStores } from '../stores/root'
import { CountsBar, StatusBadge, UrgencyBadge } from '../ui'
import { useNow } from '../ui/useNow'
import { allowedActions } from './bookings'

/**
 * The highlighted booking beside the queue, on screens wide enough for both (the stylesheet
 * hides it below 1500 pixels): the facts an authority decides on without opening it.
 */
export const QueuePreview = observer(function QueuePreview() {
  const { bookings, board, session } = useStores()
  const now = useNow()
  const b = bookings.selected
  if (!b) return <aside className="queue-preview queue-preview--empty card">Nothing highlighted.</aside>
  const free = board.resource(b.hospitalId, b.resourceType)
  const actions = allowedActions(session.user!.role, b.status)
  const waiting = b.status === 'pending' || b.status === 'approved'
  return (
    <aside className="queue-preview card" aria-label={`Booking ${b.bookingReference}`}>
      <div className="queue-preview__badges">
        <UrgencyBadge urgency={b.urgency} />
        <StatusBadge status={b.status} />
      </div>
      <h2>{b.patientName}</h2>
      <p className="muted mono">{b.bookingReference}</p>
      <dl className="facts">
        <dt>Patient</dt>
        <dd className="cap">
          {b.patientAge}, {b.patientGender}
        </dd>
        <dt>Condition</dt>
        <dd>{b.medicalCondition}</dd>
        <dt>Needs</dt>
        <dd>
          {resourceTitle(b.resourceType, 'one')} at {b.hospitalName}
        </dd>
        <dt>Scheduled</dt>
        <dd>{formatDateTime(b.scheduledDate)}</dd>
        {waiting && (
          <>
            <dt>Waiting</dt>
            <dd>{formatWaited(b.createdAt, now)}</dd>
          </>
        )}
        <dt>Contact</dt>
        <dd>
          {b.emergencyContactName} ({b.emergencyContactRelationship}), {b.emergencyContactPhone}
        </dd>
      </dl>
      {free && (
        <div className="queue-preview__free">
          <strong>
            {free.available} of {free.total} {RESOURCE_LABEL[b.resourceType].many} free now
          </strong>
          <CountsBar counts={free} label={resourceTitle(b.resourceType)} />
        </div>
      )}
      <div className="dialog__actions">
        <button className="btn" onClick={() => void bookings.open(b.id)}>
          Open <kbd>Enter</kbd>
        </button>
        {actions.includes('approve') && (
          <button
            className="btn btn--primary"
            disabled={bookings.busy}
            onClick={() => void bookings.act('approve', b.id)}
          >
            Approve <kbd className="kbd--on-primary">A</kbd>
          </button>
        )}
        {actions.includes('admit') && (
          <button
            className="btn btn--primary"
            disabled={bookings.busy}
            onClick={() => void bookings.act('admit', b.id)}
          >
            Admit <kbd className="kbd--on-primary">M</kbd>
          </button>
        )}
      </div>
    </aside>
  )
})
