/** Take a payment, give a refund, print a receipt: the dialogs the Payments screen and a booking share. */
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Booking } from '../../../shared/contract/bookings'
import type { Payment, PaymentDetail } from '../../../shared/contract/payments'
import type { DeskError } from '../../../shared/errors'
import {
  formatMoney,
  moneyInputText,
  PAYMENT_METHOD_LABEL,
  PAYMENT_METHODS,
  type PaymentMethod,
} from '../../../shared/money'
import { asDeskError, call } from '../api/client'
import { ErrorBanner, Field, SelectField, TextAreaField } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { useStores } from '../stores/root'
import { readMoney } from './PaymentsUi'
import { i18n } from '../i18n'
import { Badge, Dialog, MoneyField } from '../ui'
import { formatDateTime, formatPhone } from '../../../shared/format'
import { BOOKING_STATUS_LABEL, formatDigits, resourceTitle } from '../../../shared/labels'

export interface BookingRef {
  id: number
  bookingReference: string | null
  patientName: string
  status?: string
}

function BookingPicker({ onPick }: { onPick: (b: BookingRef) => void }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [found, setFound] = useState<Booking[] | null>(null)
  const [error, setError] = useState<DeskError | null>(null)

  useEffect(() => {
    const text = search.trim()
    if (text.length < 3) {
      setFound(null)
      return
    }
    const timer = setTimeout(() => {
      call('bookings.list', { search: text, limit: 8 })
        .then((r) => {
          setFound(r.items)
          setError(null)
        })
        .catch((err: unknown) => setError(asDeskError(err)))
    }, 250)
    return () => clearTimeout(timer)
  }, [search])

  return (
    <div>
      <Field
        label={t('payments.picker.label')}
        name="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t('payments.picker.placeholder')}
        hint={t('payments.picker.hint')}
        error={error}
        autoFocus
      />
      {found && (
        <ul className="picker" aria-label={t('payments.picker.matches')}>
          {found.length === 0 && <li className="picker__empty">{t('payments.picker.none')}</li>}
          {found.map((b) => (
            <li key={b.id}>
              <button type="button" className="picker__item" onClick={() => onPick(b)}>
                <span className="mono">{b.bookingReference}</span>
                <span>{b.patientName}</span>
                <Badge tone="neutral">{BOOKING_STATUS_LABEL[b.status]}</Badge>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function RecordPaymentDialog(props: {
  booking?: BookingRef
  suggestedAmount?: number
  title?: string
  onClose: () => void
  onRecorded: (p: Payment) => void
}) {
  const { t } = useTranslation()
  const { payments, toasts } = useStores()
  const [booking, setBooking] = useState<BookingRef | undefined>(props.booking)
  const [amount, setAmount] = useState(
    props.suggestedAmount ? formatDigits(moneyInputText(props.suggestedAmount)) : '',
  )
  const [method, setMethod] = useState<PaymentMethod>('cash')
  const [reference, setReference] = useState('')
  const { busy, error, setError, run } = useAction()

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!booking) return
    const money = readMoney('amount', amount)
    if ('error' in money) return setError(money.error)
    await run(async () => {
      const p = await payments.record({
        bookingId: booking.id,
        amount: money.paisa,
        paymentMethod: method,
        gatewayTransactionId: method === 'cash' || !reference.trim() ? undefined : reference,
      })
      toasts.show(
        t('payments.toast.recorded', {
          receipt: receiptNumber(p.id),
          amount: formatMoney(p.amount),
          method: PAYMENT_METHOD_LABEL[p.paymentMethod],
        }),
      )
      props.onRecorded(p)
    })
  }

  const fieldErr = error?.details?.field ? error : null
  return (
    <Dialog
      title={props.title ?? t('payments.record.title')}
      subtitle={
        booking
          ? `${booking.bookingReference ?? t('payments.bookingNumber', { id: booking.id })} · ${booking.patientName}`
          : undefined
      }
      onClose={props.onClose}
    >
      {!booking ? (
        <BookingPicker onPick={setBooking} />
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="form-grid form-grid--2">
            <MoneyField
              label={t('payments.record.amount')}
              name="amount"
              value={amount}
              onChange={setAmount}
              error={fieldErr}
              autoFocus
            />
            <SelectField
              label={t('payments.record.method')}
              name="paymentMethod"
              value={method}
              onChange={(e) => setMethod(e.target.value as PaymentMethod)}
              error={fieldErr}
            >
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {PAYMENT_METHOD_LABEL[m]}
                </option>
              ))}
            </SelectField>
          </div>
          {method !== 'cash' && (
            <Field
              label={
                method === 'card'
                  ? t('payments.record.cardSlip')
                  : method === 'bank'
                    ? t('payments.record.bankReference')
                    : t('payments.record.transactionId')
              }
              name="gatewayTransactionId"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              error={fieldErr}
              hint={t('payments.record.referenceHint')}
              autoComplete="off"
            />
          )}
          {method === 'cash' && <p className="muted small">{t('payments.record.cashNote')}</p>}
          {!fieldErr && <ErrorBanner error={error} />}
          <div className="dialog__actions">
            {!props.booking && (
              <button type="button" className="btn" onClick={() => setBooking(undefined)}>
                {t('payments.record.another')}
              </button>
            )}
            <button type="button" className="btn" onClick={props.onClose}>
              {t('payments.record.cancel')}
            </button>
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? t('payments.record.busy') : t('payments.record.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}

export function RefundDialog(props: {
  payment: Payment
  onClose: () => void
  onRefunded: (p: PaymentDetail) => void
}) {
  const { t } = useTranslation()
  const { payments, toasts } = useStores()
  const p = props.payment
  const [amount, setAmount] = useState(formatDigits(moneyInputText(p.refundable)))
  const [reason, setReason] = useState(
    p.refundDue ? t('payments.refund.defaultReason', { status: closedStatus(p.bookingStatus) }) : '',
  )
  const { busy, error, setError, run } = useAction()

  async function submit(e: FormEvent) {
    e.preventDefault()
    const money = readMoney('amount', amount)
    if ('error' in money) return setError(money.error)
    await run(async () => {
      const refunded = await payments.refund({ id: p.id, amount: money.paisa, reason })
      toasts.show(
        t('payments.toast.refunded', { amount: formatMoney(money.paisa), receipt: receiptNumber(p.id) }),
      )
      props.onRefunded(refunded)
    })
  }
  const fieldErr = error?.details?.field ? error : null
  return (
    <Dialog
      title={t('payments.refund.title')}
      subtitle={t('payments.refund.subtitle', {
        receipt: receiptNumber(p.id),
        reference: p.bookingReference,
        patient: p.patientName,
      })}
      onClose={props.onClose}
    >
      <dl className="sums">
        <dt>{t('payments.refund.paid')}</dt>
        <dd>{formatMoney(p.amount)}</dd>
        <dt>{t('payments.refund.refundedSoFar')}</dt>
        <dd>{formatMoney(p.refundAmount ?? 0)}</dd>
        <dt>{t('payments.refund.refundable')}</dt>
        <dd className="strong">{formatMoney(p.refundable)}</dd>
      </dl>
      <form onSubmit={submit} noValidate>
        <MoneyField
          label={t('payments.refund.amount')}
          name="amount"
          value={amount}
          onChange={setAmount}
          error={fieldErr}
          hint={
            p.paymentMethod === 'cash'
              ? t('payments.refund.cashHint')
              : t('payments.refund.otherHint', { method: PAYMENT_METHOD_LABEL[p.paymentMethod] })
          }
          autoFocus
        />
        <TextAreaField
          label={t('payments.refund.reason')}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fieldErr}
          rows={2}
        />
        {!fieldErr && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t('payments.refund.cancel')}
          </button>
          <button type="submit" className="btn btn--danger" disabled={busy}>
            {busy ? t('payments.refund.busy') : t('payments.refund.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** A closed booking's status inside a sentence: "cancelled" / "বাতিল". */
export function closedStatus(status: string | undefined): string {
  return i18n.t(`payments.closed.${status}`, { defaultValue: status ?? '' })
}

/**
 * `P-000123`, in ASCII digits whatever the digits setting, as booking references (`RC-2026-000123`)
 * are: they are codes, copied and typed rather than read as amounts. People paste them into a bank's
 * or a gateway's form, an email or a spreadsheet, read them to another hospital's desk that may work
 * in English, and type a reference back into the bookings search; a Latin prefix with Bangla digits
 * (`P-০০০১২৩`) would be one more way of writing the same code. (That search also finds a reference
 * typed in Bangla digits, so a receptionist who types it that way is not refused.)
 */
export function receiptNumber(id: number): string {
  return `P-${String(id).padStart(6, '0')}`
}

/** A payment's receipt, printable: while it is open, printing prints the receipt alone. */
export function ReceiptDialog({ receipt, onClose }: { receipt: PaymentDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const refunded = receipt.refundAmount ?? 0
  return (
    <Dialog title={t('payments.receipt.title')} onClose={onClose} className="receipt" printable>
      <div className="receipt__head">
        <div>
          <div className="receipt__hospital">{receipt.hospitalName}</div>
          <div className="muted">{receipt.hospitalAddress}</div>
          <div className="muted">{formatPhone(receipt.hospitalPhone)}</div>
        </div>
        <div className="receipt__no">
          <div className="muted small">{t('payments.receipt.receipt')}</div>
          <div className="mono strong" data-testid="receipt-number">
            {receiptNumber(receipt.id)}
          </div>
          <div className="muted small">{formatDateTime(receipt.createdAt)}</div>
        </div>
      </div>
      <dl className="facts receipt__facts">
        <dt>{t('payments.receipt.receivedFrom')}</dt>
        <dd>{receipt.patientName}</dd>
        <dt>{t('payments.receipt.booking')}</dt>
        <dd className="mono">{receipt.bookingReference}</dd>
        <dt>{t('payments.receipt.for')}</dt>
        <dd>{resourceTitle(receipt.resourceType, 'one')}</dd>
        <dt>{t('payments.receipt.paidBy')}</dt>
        <dd>
          {PAYMENT_METHOD_LABEL[receipt.paymentMethod]}
          {receipt.gatewayTransactionId && <span className="mono"> · {receipt.gatewayTransactionId}</span>}
        </dd>
        <dt>{t('payments.receipt.receivedBy')}</dt>
        <dd>{receipt.recordedBy}</dd>
      </dl>
      <div className="receipt__amount">
        <span>{t('payments.receipt.amountReceived')}</span>
        <strong data-testid="receipt-amount">{formatMoney(receipt.amount)}</strong>
      </div>
      {receipt.refunds.length > 0 && (
        <table className="table receipt__refunds">
          <thead>
            <tr>
              <th>{t('payments.receipt.refunded')}</th>
              <th>{t('payments.receipt.reason')}</th>
              <th className="num">{t('payments.receipt.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {receipt.refunds.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.reason}</td>
                <td className="num">−{formatMoney(r.amount)}</td>
              </tr>
            ))}
            <tr className="receipt__net">
              <td colSpan={2}>{t('payments.receipt.netPaid')}</td>
              <td className="num">{formatMoney(receipt.amount - refunded)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <p className="muted small receipt__foot">{t('payments.receipt.foot')}</p>
      <div className="dialog__actions no-print">
        <button className="btn" onClick={onClose}>
          {t('payments.receipt.close')}
        </button>
        {window.rapidcare && (
          <button
            className="btn"
            onClick={() =>
              void window.rapidcare!.savePdf(
                t('payments.receipt.pdfName', { receipt: receiptNumber(receipt.id) }),
              )
            }
          >
            {t('payments.receipt.savePdf')}
          </button>
        )}
        <button className="btn btn--primary" onClick={() => window.print()}>
          {t('payments.receipt.print')}
        </button>
      </div>
    </Dialog>
  )
}
