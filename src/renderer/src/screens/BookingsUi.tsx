import { format } from 'date-fns'
import type { BookingStatus } from '../../../shared/contract/bookings'
import type { ResourceType, Urgency } from '../../../shared/schemas'

export const STATUS_LABEL: Record<BookingStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  admitted: 'Admitted',
  completed: 'Discharged',
  declined: 'Declined',
  cancelled: 'Cancelled',
}

const STATUS_BADGE: Record<BookingStatus, string> = {
  pending: 'warning',
  approved: 'info',
  admitted: 'success',
  completed: 'neutral',
  declined: 'danger',
  cancelled: 'neutral',
}

const URGENCY_BADGE: Record<Urgency, string> = {
  critical: 'critical',
  high: 'danger',
  medium: 'warning',
  low: 'neutral',
}

export const RESOURCE_NAME: Record<ResourceType, string> = {
  beds: 'Bed',
  icu: 'ICU',
  operationTheatres: 'Theatre',
}

export const RESOURCE_PLURAL: Record<ResourceType, string> = {
  beds: 'Beds',
  icu: 'ICU',
  operationTheatres: 'Theatres',
}

export function StatusBadge({ status }: { status: BookingStatus }) {
  return <span className={`badge badge--${STATUS_BADGE[status]}`}>{STATUS_LABEL[status]}</span>
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  return (
    <span className={`badge badge--${URGENCY_BADGE[urgency]} urgency urgency--${urgency}`}>
      {urgency === 'critical' ? '▲ ' : ''}
      {urgency[0]!.toUpperCase() + urgency.slice(1)}
    </span>
  )
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '—'
  return format(new Date(iso), 'd MMM yyyy, HH:mm')
}

export function shortWhen(iso: string): string {
  const d = new Date(iso)
  const today = new Date()
  return d.toDateString() === today.toDateString() ? `Today ${format(d, 'HH:mm')}` : format(d, 'd MMM, HH:mm')
}

/** Available / reserved / occupied / maintenance as one colour-coded bar. */
export function CountsBar({
  counts,
  label,
}: {
  counts: { available: number; reserved: number; occupied: number; maintenance: number; total: number }
  label?: string
}) {
  const total = Math.max(1, counts.total)
  const parts = ['available', 'reserved', 'occupied', 'maintenance'] as const
  return (
    <div
      className="bar"
      role="img"
      aria-label={`${label ? `${label}: ` : ''}${counts.available} available, ${counts.reserved} reserved, ${counts.occupied} occupied, ${counts.maintenance} in maintenance, of ${counts.total}`}
    >
      {parts.map((p) =>
        counts[p] > 0 ? (
          <span key={p} className={p} style={{ width: `${(counts[p] / total) * 100}%` }} />
        ) : null,
      )}
    </div>
  )
}

export function Legend() {
  return (
    <div className="legend">
      <span>
        <i className="available" />
        Available
      </span>
      <span>
        <i className="reserved" />
        Reserved
      </span>
      <span>
        <i className="occupied" />
        Occupied
      </span>
      <span>
        <i className="maintenance" />
        Maintenance
      </span>
    </div>
  )
}
