import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
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

/** A badge for one kind of code value: its word from labels.ts, its colour from `tones`. */
function codeBadge<C extends string>(tones: Record<C, Tone>, labels: Record<C, string>) {
  return function CodeBadge({ status }: { status: C }) {
    return <Badge tone={tones[status]}>{labels[status]}</Badge>
  }
}

export const StatusBadge = codeBadge<BookingStatus>(
  {
    pending: 'warning',
    approved: 'info',
    admitted: 'success',
    completed: 'neutral',
    declined: 'danger',
    cancelled: 'neutral',
  },
  BOOKING_STATUS_LABEL,
)

export const HospitalStatusBadge = codeBadge<HospitalStatus>(
  { pending: 'warning', approved: 'success', rejected: 'danger', suspended: 'neutral' },
  HOSPITAL_STATUS_LABEL,
)

const URGENCY_TONE: Record<Urgency, Tone> = {
  critical: 'critical',
  high: 'danger',
  medium: 'warning',
  low: 'neutral',
}

/** Critical carries a mark as well as its colour, so it stands out in a row of badges without colour. */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  return (
    <Badge tone={URGENCY_TONE[urgency]}>
      {urgency === 'critical' && <span aria-hidden="true">▲</span>}
      {URGENCY_LABEL[urgency]}
    </Badge>
  )
}

const PaymentBadge = codeBadge<PaymentStatus>(
  {
    completed: 'success',
    refunded: 'neutral',
    pending: 'warning',
    processing: 'info',
    failed: 'danger',
    cancelled: 'neutral',
  },
  PAYMENT_STATUS_LABEL,
)

export function PaymentStatusBadge({
  status,
  partlyRefunded,
}: {
  status: PaymentStatus
  partlyRefunded?: boolean
}) {
  const { t } = useTranslation()
  if (status === 'completed' && partlyRefunded)
    return <Badge tone="warning">{t('ui.badge.partRefunded')}</Badge>
  return <PaymentBadge status={status} />
}
