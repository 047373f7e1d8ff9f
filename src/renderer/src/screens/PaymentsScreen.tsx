import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import type { Hospital } from '../../../shared/contract/hospitals'
import { PAYMENT_STATUSES, type Payment, type PaymentStatus } from '../../../shared/contract/payments'
import { formatMoney, PAYMENT_METHOD_LABEL, PAYMENT_METHODS, type PaymentMethod } from '../../../shared/money'
import { call } from '../api/client'
import { ErrorBanner } from '../components/Form'
import { useStores } from '../stores/root'
import { BookingMoneyPanel } from './PaymentsBookingPanel'
import {
  receiptNumber,
  RecordPaymentDialog,
  RefundDialog,
  ReceiptDialog,
  type BookingRef,
} from './PaymentsDialogs'
import { Dialog, fmtDateTime, MethodBadge, Pager, PaymentStatusBadge } from './PaymentsUi'
import { useLive } from '../live/useLive'

export const PaymentsScreen = observer(function PaymentsScreen() {
  const { payments, session } = useStores()
  const role = session.user!.role
  const [recording, setRecording] = useState(false)
  const [refunding, setRefunding] = useState<Payment | null>(null)
  const [booking, setBooking] = useState<BookingRef | null>(null)
  const [hospitals, setHospitals] = useState<Hospital[]>([])

  useEffect(() => {
    void payments.load()
    if (role === 'admin')
      void call('hospitals.list', { limit: 500 }).then(
        (r) => setHospitals(r.items),
        () => setHospitals([]),
      )
  }, [payments, role])
  useLive(['payments'], () => payments.load())

  const mayRefund = role === 'hospital-authority' || role === 'admin'
  const f = payments.filters
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Payments</h1>
          <p className="muted">Deposits, bills and refunds, with a receipt for each.</p>
        </div>
        {role === 'user' && (
          <button className="btn btn--primary" onClick={() => setRecording(true)}>
            + Record payment
          </button>
        )}
      </header>

      <div className="tabs" role="tablist">
        <button
          role="tab"
          aria-selected={payments.tab === 'all'}
          className={`tab${payments.tab === 'all' ? ' tab--active' : ''}`}
          onClick={() => payments.setTab('all')}
        >
          All payments
        </button>
        <button
          role="tab"
          aria-selected={payments.tab === 'due'}
          className={`tab${payments.tab === 'due' ? ' tab--active' : ''}`}
          onClick={() => payments.setTab('due')}
        >
          Refunds due
          {payments.dueCount > 0 && <span className="badge badge--warning">{payments.dueCount}</span>}
        </button>
      </div>

      {payments.tab === 'all' ? (
        <div className="toolbar">
          {role === 'admin' && (
            <select
              className="input"
              aria-label="Hospital"
              value={f.hospitalId ?? ''}
              onChange={(e) =>
                payments.setFilter('hospitalId', e.target.value ? Number(e.target.value) : undefined)
              }
            >
              <option value="">All hospitals</option>
              {hospitals.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          )}
          <select
            className="input input--narrow"
            aria-label="Method"
            value={f.paymentMethod ?? ''}
            onChange={(e) =>
              payments.setFilter('paymentMethod', (e.target.value || undefined) as PaymentMethod)
            }
          >
            <option value="">Any method</option>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {PAYMENT_METHOD_LABEL[m]}
              </option>
            ))}
          </select>
          <select
            className="input input--narrow"
            aria-label="Status"
            value={f.status ?? ''}
            onChange={(e) => payments.setFilter('status', (e.target.value || undefined) as PaymentStatus)}
          >
            <option value="">Any status</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
          <label className="toolbar__label">
            From
            <input
              className="input input--date"
              type="date"
              value={f.fromDay ?? ''}
              onChange={(e) => payments.setFilter('fromDay', e.target.value)}
            />
          </label>
          <label className="toolbar__label">
            To
            <input
              className="input input--date"
              type="date"
              value={f.toDay ?? ''}
              onChange={(e) => payments.setFilter('toDay', e.target.value)}
            />
          </label>
        </div>
      ) : (
        <p className="banner banner--info">
          Payments on bookings that were cancelled or declined, with money still to give back.
        </p>
      )}

      <ErrorBanner error={payments.error} />
      <div className="table-wrap">
        <table className="table" aria-label="Payments">
          <thead>
            <tr>
              <th>Receipt</th>
              <th>Date</th>
              <th>Booking</th>
              <th>Patient</th>
              <th>Method</th>
              <th className="num">Amount</th>
              <th className="num">Refunded</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {payments.items.map((p) => (
              <tr key={p.id}>
                <td className="mono receipt-no">{receiptNumber(p.id)}</td>
                <td className="nowrap">{fmtDateTime(p.createdAt)}</td>
                <td className="nowrap">
                  <button
                    className="link mono"
                    title="The booking's bill and payments"
                    onClick={() =>
                      setBooking({
                        id: p.bookingId,
                        bookingReference: p.bookingReference,
                        patientName: p.patientName,
                        status: p.bookingStatus,
                      })
                    }
                  >
                    {p.bookingReference}
                  </button>
                </td>
                <td>
                  {p.patientName}
                  {p.refundDue && (
                    <div className="small warn-text">
                      Booking {p.bookingStatus}: {formatMoney(p.refundable)} due for refund
                    </div>
                  )}
                </td>
                <td>
                  <MethodBadge method={p.paymentMethod} />
                </td>
                <td className="num strong">{formatMoney(p.amount)}</td>
                <td className="num">{p.refundAmount ? formatMoney(p.refundAmount) : '—'}</td>
                <td>
                  <PaymentStatusBadge status={p.status} partlyRefunded={!!p.refundAmount} />
                </td>
                <td className="row-actions">
                  <button className="btn btn--small" onClick={() => void payments.openReceipt(p.id)}>
                    Receipt
                  </button>
                  {mayRefund && p.refundable > 0 && (
                    <button className="btn btn--small" onClick={() => setRefunding(p)}>
                      Refund
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          {payments.items.length > 0 && (
            <tfoot>
              <tr>
                <td colSpan={5}>
                  {payments.total} payment{payments.total === 1 ? '' : 's'}
                </td>
                <td className="num strong">{formatMoney(payments.sum)}</td>
                <td colSpan={3} />
              </tr>
            </tfoot>
          )}
        </table>
        {!payments.loading && payments.items.length === 0 && (
          <div className="empty">
            {payments.tab === 'due' ? 'No refunds are due.' : 'No payments match these filters.'}
          </div>
        )}
      </div>
      <Pager
        offset={payments.offset}
        total={payments.total}
        pageSize={payments.pageSize}
        onPage={(o) => payments.page(o)}
      />

      {recording && (
        <RecordPaymentDialog
          onClose={() => setRecording(false)}
          onRecorded={(p) => {
            setRecording(false)
            void payments.openReceipt(p.id)
          }}
        />
      )}
      {refunding && (
        <RefundDialog
          payment={refunding}
          onClose={() => setRefunding(null)}
          onRefunded={(p) => {
            setRefunding(null)
            void payments.openReceipt(p.id)
          }}
        />
      )}
      {booking && (
        <Dialog
          title={`${booking.bookingReference ?? `Booking #${booking.id}`} · ${booking.patientName}`}
          onClose={() => {
            setBooking(null)
            void payments.load()
          }}
          wide
        >
          <BookingMoneyPanel booking={booking} />
        </Dialog>
      )}
      {payments.receipt && !booking && (
        <ReceiptDialog receipt={payments.receipt} onClose={() => payments.closeReceipt()} />
      )}
    </section>
  )
})
