import { observer } from 'mobx-react-lite'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatPhone, formatWaited } from '../../../shared/format'
import { formatCount, GENDER_LABEL, RESOURCE_LABEL, resourceTitle } from '../../../shared/labels'
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
  const { t } = useTranslation()
  const b = bookings.selected
  if (!b)
    return <aside className="queue-preview queue-preview--empty card">{t('bookings.preview.nothing')}</aside>
  const free = board.resource(b.hospitalId, b.resourceType)
  const actions = allowedActions(session.user!.role, b.status)
  const waiting = b.status === 'pending' || b.status === 'approved'
  return (
    <aside
      className="queue-preview card"
      aria-label={t('bookings.preview.label', { reference: b.bookingReference })}
    >
      <div className="queue-preview__badges">
        <UrgencyBadge urgency={b.urgency} />
        <StatusBadge status={b.status} />
      </div>
      <h2>{b.patientName}</h2>
      <p className="muted mono">{b.bookingReference}</p>
      <dl className="facts">
        <dt>{t('bookings.preview.patient')}</dt>
        <dd>
          {formatCount(b.patientAge)}, {GENDER_LABEL[b.patientGender]}
        </dd>
        <dt>{t('bookings.preview.condition')}</dt>
        <dd>{b.medicalCondition}</dd>
        <dt>{t('bookings.preview.needs')}</dt>
        <dd>
          {t('bookings.preview.needsValue', {
            resource: resourceTitle(b.resourceType, 'one'),
            hospital: b.hospitalName,
          })}
        </dd>
        <dt>{t('bookings.preview.scheduled')}</dt>
        <dd>{formatDateTime(b.scheduledDate)}</dd>
        {waiting && (
          <>
            <dt>{t('bookings.preview.waiting')}</dt>
            <dd>{formatWaited(b.createdAt, now)}</dd>
          </>
        )}
        <dt>{t('bookings.preview.contact')}</dt>
        <dd>
          {b.emergencyContactName} ({b.emergencyContactRelationship}), {formatPhone(b.emergencyContactPhone)}
        </dd>
      </dl>
      {free && (
        <div className="queue-preview__free">
          <strong>
            {t('bookings.preview.free', {
              free: formatCount(free.available),
              total: formatCount(free.total),
              resources: RESOURCE_LABEL[b.resourceType].many,
            })}
          </strong>
          <CountsBar counts={free} label={resourceTitle(b.resourceType)} />
        </div>
      )}
      <div className="dialog__actions">
        <button className="btn" onClick={() => void bookings.open(b.id)}>
          {t('bookings.preview.open')} <kbd>Enter</kbd>
        </button>
        {actions.includes('approve') && (
          <button
            className="btn btn--primary"
            disabled={bookings.busy}
            onClick={() => void bookings.act('approve', b.id)}
          >
            {t('bookings.preview.approve')} <kbd className="kbd--on-primary">A</kbd>
          </button>
        )}
        {actions.includes('admit') && (
          <button
            className="btn btn--primary"
            disabled={bookings.busy}
            onClick={() => void bookings.act('admit', b.id)}
          >
            {t('bookings.preview.admit')} <kbd className="kbd--on-primary">M</kbd>
          </button>
        )}
      </div>
    </aside>
  )
})
