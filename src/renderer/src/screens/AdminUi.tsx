/** Small pieces shared by the admin areas (hospitals, staff, resources, audit). */
import { useEffect, useId, type ReactNode } from 'react'
import type { HospitalStatus } from '../../../shared/contract/hospitals'
import type { ResourceCounts } from '../../../shared/contract/resources'
import type { ResourceType } from '../../../shared/schemas'
import '../admin.css'

export const RESOURCE_LABEL: Record<ResourceType, string> = {
  beds: 'Beds',
  icu: 'ICU beds',
  operationTheatres: 'Operation theatres',
}

export function resourceLabel(type: string): string {
  return RESOURCE_LABEL[type as ResourceType] ?? type
}

const HOSPITAL_BADGE: Record<HospitalStatus, string> = {
  pending: 'badge--warning',
  approved: 'badge--success',
  rejected: 'badge--danger',
  suspended: 'badge--neutral',
}

export function HospitalStatusBadge({ status }: { status: HospitalStatus }) {
  return (
    <span className={`badge ${HOSPITAL_BADGE[status]}`}>{status[0]!.toUpperCase() + status.slice(1)}</span>
  )
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso.includes('T') ? iso : `${iso.replace(' ', 'T')}Z`)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { dateStyle: 'medium' })
}

/** A modal dialog on the shared overlay: Escape or the backdrop closes it (unless busy). */
export function Dialog({
  title,
  subtitle,
  onClose,
  wide,
  children,
}: {
  title: string
  subtitle?: ReactNode
  onClose: () => void
  wide?: boolean
  children: ReactNode
}) {
  const id = useId()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div
      className="overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <section
        className={`dialog${wide ? ' dialog--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
      >
        <h2 id={id} className="dialog__title">
          {title}
        </h2>
        {subtitle && <p className="muted dialog__subtitle">{subtitle}</p>}
        {children}
      </section>
    </div>
  )
}

/** "Page 2 of 5" with previous/next. */
export function Pager({
  offset,
  limit,
  total,
  onPage,
  noun,
}: {
  offset: number
  limit: number
  total: number
  onPage: (offset: number) => void
  noun: string
}) {
  if (total === 0) return null
  const from = offset + 1
  const to = Math.min(offset + limit, total)
  return (
    <div className="pager">
      <span>
        {from}–{to} of {total} {noun}
      </span>
      <button className="btn btn--small" disabled={offset === 0} onClick={() => onPage(offset - limit)}>
        Previous
      </button>
      <button className="btn btn--small" disabled={to >= total} onClick={() => onPage(offset + limit)}>
        Next
      </button>
    </div>
  )
}

const SEGMENTS = ['available', 'reserved', 'occupied', 'maintenance'] as const

/** The four counts of a resource as one stacked bar (available, reserved, occupied, maintenance). */
export function ResourceBar({ counts, label }: { counts: ResourceCounts; label: string }) {
  const total = counts.total
  return (
    <div
      className="bar resource-bar"
      role="img"
      aria-label={`${label}: ${counts.available} available, ${counts.reserved} reserved, ${counts.occupied} occupied, ${counts.maintenance} in maintenance, of ${total}`}
    >
      {total > 0 &&
        SEGMENTS.map((k) =>
          counts[k] > 0 ? (
            <span key={k} className={k} style={{ width: `${(counts[k] / total) * 100}%` }} />
          ) : null,
        )}
    </div>
  )
}

/** Turn an optional form text into what a channel takes: trimmed, or undefined when empty. */
export function optional(text: string): string | undefined {
  const t = text.trim()
  return t === '' ? undefined : t
}
