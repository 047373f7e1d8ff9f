import type { ReactNode } from 'react'
import type { BookingStatus } from '../../../shared/contract/bookings'
import type { HospitalStatus } from '../../../shared/contract/hospitals'
import type { PaymentStatus } from '../../../shared/contract/payments'
import {
  BOOKING_STATUS_LABEL,
  HOSPITAL_STATUS_LABEL,
  PAYMENT_STATUS_LABEL,
  URGENCY_LABEL,
} from '../../../shared/labels'
import type { Urgency } from '../../../shared/schemas'
import { cx } from './cx'
import s from './Badge.module.css'

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral' | 'critical'

/** A short status word on a coloured pill; the colour is never the only signal (the word is). */
export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: Tone
  children: ReactNode
  title?: string
}) {
  return (
    <span className={cx(s.badge, s[tone])} data-badge={tone} title={title}>
      {children}
    </span>
  )
}

const BOOKING_TONE: Record<BookingStatus, Tone> = {
  pending: 'warning',
  approved: 'info',
  admitted: 'success',
  completed: 'neutral',
  declined: 'danger',
  cancelled: 'neutral',
}

export function StatusBadge({ status }: { status: BookingStatus }) {
  return <Badge tone={BOOKING_TONE[status]}>{BOOKING_STATUS_LABEL[status]}</Badge>
}

const URGENCY_TONE: Record<Urgency, Tone> = {
  critical: 'critical',
  high: 'danger',
  medium: 'warning',
  low: 'neutral',
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  return (
    <Badge tone={URGENCY_TONE[urgency]}>
      {urgency === 'critical' && <span aria-hidden="true">▲</span>}
      {URGENCY_LABEL[urgency]}
    </Badge>
  )
}

const HOSPITAL_TONE: Record<HospitalStatus, Tone> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  suspended: 'neutral',
}

export function HospitalStatusBadge({ status }: { status: HospitalStatus }) {
  return <Badge tone={HOSPITAL_TONE[status]}>{HOSPITAL_STATUS_LABEL[status]}</Badge>
}

const PAYMENT_TONE: Record<PaymentStatus, Tone> = {
  completed: 'success',
  refunded: 'neutral',
  pending: 'warning',
  processing: 'info',
  failed: 'danger',
  cancelled: 'neutral',
}

export function PaymentStatusBadge({
  status,
  partlyRefunded,
}: {
  status: PaymentStatus
  partlyRefunded?: boolean
}) {
  if (status === 'completed' && partlyRefunded) return <Badge tone="warning">Part refunded</Badge>
  return <Badge tone={PAYMENT_TONE[status]}>{PAYMENT_STATUS_LABEL[status]}</Badge>
}
