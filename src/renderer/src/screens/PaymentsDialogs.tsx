/** Take a payment, give a refund, print a receipt: the dialogs the Payments screen and a booking share. */
import { useEffect, useState, type FormEvent } from 'react'
import { createPortal } from 'react-dom'
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
import { ErrorBanner, Field, SelectField, TextAreaField } from '../components/Form'
import { useAction } from '../components/useAction'
import { useStores } from '../stores/root'
import { Dialog, fmtDateTime, MoneyField, readMoney } from './PaymentsUi'
import { formatPhone } from '../../../shared/phone'

export interface BookingRef {
  id: number
  bookingReference: string | null
  patientName: string
  status?: string
}

function BookingPicker({ onPick }: { onPick: (b: BookingRef) => void }) {
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
        label="Booking"
        name="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Reference (RC-…), patient name or phone"
        hint="Type at least 3 characters."
        error={error}
        autoFocus
      />
      {found && (
        <ul className="picker" aria-label="Matching bookings">
          {found.length === 0 && <li className="picker__empty">No booking matches.</li>}
          {found.map((b) => (
            <li key={b.id}>
              <button type="button" className="picker__item" onClick={() => onPick(b)}>
                <span className="mono">{b.bookingReference}</span>
                <span>{b.patientName}</span>
                <span className="badge badge--neutral">{b.status}</span>
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
  const { payments } = useStores()
  const [booking, setBooking] = useState<BookingRef | undefined>(props.booking)
  const [amount, setAmount] = useState(props.suggestedAmount ? moneyInputText(props.suggestedAmount) : '')
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
      props.onRecorded(p)
    })
  }

  const fieldErr = error?.details?.field ? error : null
  return (
    <Dialog
      title={props.title ?? 'Record a payment'}
      subtitle={
        booking
          ? `${booking.bookingReference ?? `Booking #${booking.id}`} · ${booking.patientName}`
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
              label="Amount"
              name="amount"
              value={amount}
              onChange={setAmount}
              error={fieldErr}
              autoFocus
            />
            <SelectField
              label="Method"
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
                  ? 'Card slip number'
                  : method === 'bank'
                    ? 'Bank reference'
                    : 'Transaction ID'
              }
              name="gatewayTransactionId"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              error={fieldErr}
              hint="Required for every method but cash."
              autoComplete="off"
            />
          )}
          {method === 'cash' && <p className="muted small">Cash goes into your cash drawer.</p>}
          {!fieldErr && <ErrorBanner error={error} />}
          <div className="dialog__actions">
            {!props.booking && (
              <button type="button" className="btn" onClick={() => setBooking(undefined)}>
                Another booking
              </button>
            )}
            <button type="button" className="btn" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? 'Recording…' : 'Record payment'}
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
  const { payments } = useStores()
  const p = props.payment
  const [amount, setAmount] = useState(moneyInputText(p.refundable))
  const [reason, setReason] = useState(p.refundDue ? `Booking ${p.bookingStatus}` : '')
  const { busy, error, setError, run } = useAction()

  async function submit(e: FormEvent) {
    e.preventDefault()
    const money = readMoney('amount', amount)
    if ('error' in money) return setError(money.error)
    await run(async () => {
      props.onRefunded(await payments.refund({ id: p.id, amount: money.paisa, reason }))
    })
  }
  const fieldErr = error?.details?.field ? error : null
  return (
    <Dialog
      title="Refund a payment"
      subtitle={`Receipt ${receiptNumber(p.id)} · ${p.bookingReference} · ${p.patientName}`}
      onClose={props.onClose}
    >
      <dl className="sums">
        <dt>Paid</dt>
        <dd>{formatMoney(p.amount)}</dd>
        <dt>Refunded so far</dt>
        <dd>{formatMoney(p.refundAmount ?? 0)}</dd>
        <dt>Can be refunded</dt>
        <dd className="strong">{formatMoney(p.refundable)}</dd>
      </dl>
      <form onSubmit={submit} noValidate>
        <MoneyField
          label="Refund amount"
          name="amount"
          value={amount}
          onChange={setAmount}
          error={fieldErr}
          hint={
            p.paymentMethod === 'cash'
              ? 'Paid out in cash from your cash drawer.'
              : `Returned by ${PAYMENT_METHOD_LABEL[p.paymentMethod]}.`
          }
          autoFocus
        />
        <TextAreaField
          label="Reason"
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fieldErr}
          rows={2}
        />
        {!fieldErr && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn--danger" disabled={busy}>
            {busy ? 'Refunding…' : 'Refund'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

export function receiptNumber(id: number): string {
  return `P-${String(id).padStart(6, '0')}`
}

const RESOURCE_NAME: Record<string, string> = {
  beds: 'Bed',
  icu: 'ICU',
  operationTheatres: 'Operation theatre',
}

/** A payment's receipt, printable: while it is open, printing prints the receipt alone. */
export function ReceiptDialog({ receipt, onClose }: { receipt: PaymentDetail; onClose: () => void }) {
  const refunded = receipt.refundAmount ?? 0
  return createPortal(
    <div className="print-sheet">
      <Dialog title="Payment receipt" onClose={onClose} className="receipt">
        <div className="receipt__head">
          <div>
            <div className="receipt__hospital">{receipt.hospitalName}</div>
            <div className="muted">{receipt.hospitalAddress}</div>
            <div className="muted">{formatPhone(receipt.hospitalPhone)}</div>
          </div>
          <div className="receipt__no">
            <div className="muted small">Receipt</div>
            <div className="mono strong" data-testid="receipt-number">
              {receiptNumber(receipt.id)}
            </div>
            <div className="muted small">{fmtDateTime(receipt.createdAt)}</div>
          </div>
        </div>
        <dl className="facts receipt__facts">
          <dt>Received from</dt>
          <dd>{receipt.patientName}</dd>
          <dt>Booking</dt>
          <dd className="mono">{receipt.bookingReference}</dd>
          <dt>For</dt>
          <dd>{RESOURCE_NAME[receipt.resourceType] ?? receipt.resourceType}</dd>
          <dt>Paid by</dt>
          <dd>
            {PAYMENT_METHOD_LABEL[receipt.paymentMethod]}
            {receipt.gatewayTransactionId && <span className="mono"> · {receipt.gatewayTransactionId}</span>}
          </dd>
          <dt>Received by</dt>
          <dd>{receipt.recordedBy}</dd>
        </dl>
        <div className="receipt__amount">
          <span>Amount received</span>
          <strong data-testid="receipt-amount">{formatMoney(receipt.amount)}</strong>
        </div>
        {receipt.refunds.length > 0 && (
          <table className="table receipt__refunds">
            <thead>
              <tr>
                <th>Refunded</th>
                <th>Reason</th>
                <th className="num">Amount</th>
              </tr>
            </thead>
            <tbody>
              {receipt.refunds.map((r) => (
                <tr key={r.id}>
                  <td>{fmtDateTime(r.createdAt)}</td>
                  <td>{r.reason}</td>
                  <td className="num">−{formatMoney(r.amount)}</td>
                </tr>
              ))}
              <tr className="receipt__net">
                <td colSpan={2}>Net paid</td>
                <td className="num">{formatMoney(receipt.amount - refunded)}</td>
              </tr>
            </tbody>
          </table>
        )}
        <p className="muted small receipt__foot">
          RapidCare Desk · Thank you. Keep this receipt for any refund or query.
        </p>
        <div className="dialog__actions no-print">
          <button className="btn" onClick={onClose}>
            Close
          </button>
          <button className="btn btn--primary" onClick={() => window.print()}>
            Print receipt
          </button>
        </div>
      </Dialog>
    </div>,
    document.body,
  )
}
