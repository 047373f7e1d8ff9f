/** Small pieces the money screens share: dialogs, money inputs, badges, dates, a pager. */
import { format, formatDistanceStrict } from 'date-fns'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import type { PaymentStatus } from '../../../shared/contract/payments'
import { DeskError } from '../../../shared/errors'
import { parseMoney, PAYMENT_METHOD_LABEL, type PaymentMethod } from '../../../shared/money'
import '../money.css'

export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  return format(new Date(iso), 'd MMM yyyy, HH:mm')
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  return format(new Date(iso), 'd MMM yyyy')
}

/** "in 5 hours" / "3 hours ago", relative to now. */
export function fromNow(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  const text = formatDistanceStrict(d, now)
  return d.getTime() >= now.getTime() ? `in ${text}` : `${text} ago`
}

/** A datetime-local value (local time) for an instant, and back. */
export function toLocalInput(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm")
}
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

/** A form's own check of one field, shown the same way as the desk's answer. */
export function fieldError(field: string, message: string): DeskError {
  return DeskError.field(field, message)
}

/** Text typed as money → paisa, or the DeskError to show beside the field. */
export function readMoney(field: string, text: string): { paisa: number } | { error: DeskError } {
  const parsed = parseMoney(text)
  if (parsed.ok && parsed.paisa > 0) return { paisa: parsed.paisa }
  return { error: fieldError(field, parsed.ok ? 'must be more than zero' : parsed.message) }
}

/** Like readMoney, but zero is allowed (a count, a float left behind). */
export function readMoneyOrZero(field: string, text: string): { paisa: number } | { error: DeskError } {
  const parsed = parseMoney(text)
  return parsed.ok ? { paisa: parsed.paisa } : { error: fieldError(field, parsed.message) }
}

export function MoneyField(props: {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  error?: DeskError | null
  hint?: ReactNode
  autoFocus?: boolean
}) {
  const id = useId()
  const message = props.error?.fieldMessage(props.name)
  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <div className="money-input">
        <span aria-hidden="true">৳</span>
        <input
          id={id}
          name={props.name}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          value={props.value}
          autoFocus={props.autoFocus}
          aria-invalid={!!message}
          aria-describedby={`${id}-msg`}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </div>
      <div
        id={`${id}-msg`}
        className={message ? 'field__error' : 'field__hint'}
        role={message ? 'alert' : undefined}
      >
        {message ?? props.hint}
      </div>
    </div>
  )
}

export function Dialog(props: {
  title: string
  subtitle?: ReactNode
  onClose: () => void
  children: ReactNode
  wide?: boolean
  className?: string
}) {
  const { onClose } = props
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Only the dialog on top closes: a receipt over a booking's bill closes alone.
      const open = document.querySelectorAll('[role="dialog"]')
      if (e.key === 'Escape' && open[open.length - 1] === ref.current) onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <section
        ref={ref}
        className={`dialog${props.wide ? ' dialog--wide' : ''} ${props.className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
      >
        <header className="dialog__header">
          <div>
            <h2>{props.title}</h2>
            {props.subtitle && <p className="muted">{props.subtitle}</p>}
          </div>
          <button className="btn btn--ghost btn--small no-print" onClick={onClose} aria-label="Close dialog">
            ✕
          </button>
        </header>
        {props.children}
      </section>
    </div>
  )
}

export function MethodBadge({ method }: { method: PaymentMethod }) {
  return <span className={`method method--${method}`}>{PAYMENT_METHOD_LABEL[method]}</span>
}

const STATUS_BADGE: Record<PaymentStatus, string> = {
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
  if (status === 'completed' && partlyRefunded)
    return <span className="badge badge--warning">Part refunded</span>
  return (
    <span className={`badge badge--${STATUS_BADGE[status]}`}>
      {status[0]!.toUpperCase() + status.slice(1)}
    </span>
  )
}

export function Pager(props: {
  offset: number
  total: number
  pageSize: number
  onPage: (offset: number) => void
}) {
  if (props.total <= props.pageSize) return null
  const last = Math.min(props.offset + props.pageSize, props.total)
  return (
    <div className="pager">
      <span>
        {props.offset + 1}–{last} of {props.total}
      </span>
      <button
        className="btn btn--small"
        disabled={props.offset === 0}
        onClick={() => props.onPage(props.offset - props.pageSize)}
      >
        Previous
      </button>
      <button
        className="btn btn--small"
        disabled={last >= props.total}
        onClick={() => props.onPage(props.offset + props.pageSize)}
      >
        Next
      </button>
    </div>
  )
}
