import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import type { Hospital } from '../../../shared/contract/hospitals'
import { PAYMENT_STATUSES, type Payment, type PaymentStatus } from '../../../shared/contract/payments'
import { formatMoney, PAYMENT_METHOD_LABEL, PAYMENT_METHODS, type PaymentMethod } from '../../../shared/money'
import { call } from '../api/client'
import { ErrorBanner } from '../ui/Field'
import { useStores } from '../stores/root'
import { BookingMoneyPanel } from './PaymentsBookingPanel'
import {
  receiptNumber,
  RecordPaymentDialog,
  RefundDialog,
  ReceiptDialog,
  type BookingRef,
} from './PaymentsDialogs'
import { MethodBadge } from './PaymentsUi'
import { Badge, DataTable, Dialog, Pager, PaymentStatusBadge, Tabs } from '../ui'
import { plural } from '../../../shared/labels'
import { formatDateTime } from '../../../shared/format'
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
  const f = payments.list.filters
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Payments</h1>
          <p className="muted">Deposits, bills and refunds, with a receipt for each.</p>
        </div>
        {role === 'user' && (
          <button className="btn btn--primary" aria-haspopup="dialog" onClick={() => setRecording(true)}>
            + Record payment
          </button>
        )}
      </header>

      <Tabs
        label="Which payments"
        choices={[
          { value: 'all', label: 'All payments' },
          {
            value: 'due',
            label: (
              <>
                Refunds due
                {payments.dueCount > 0 && <Badge tone="warning">{payments.dueCount}</Badge>}
              </>
            ),
          },
        ]}
        value={payments.tab}
        onChange={(t) => payments.setTab(t)}
      />

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
      <DataTable
        label="Payments"
        rows={payments.list.items}
        rowKey={(p) => p.id}
        loading={payments.list.loading}
        error={payments.list.error}
        onRetry={() => void payments.load()}
        empty={payments.tab === 'due' ? 'No refunds are due.' : 'No payments match these filters.'}
        footer={
          <>
            {plural(payments.list.total, 'payment')} · {formatMoney(payments.list.result?.sum ?? 0)}
          </>
        }
        columns={[
          {
            header: 'Receipt',
            align: 'nowrap',
            cell: (p) => (
              <>
                <div className="mono">{receiptNumber(p.id)}</div>
                <div className="muted small">{formatDateTime(p.createdAt)}</div>
              </>
            ),
          },
          {
            header: 'Booking',
            align: 'nowrap',
            cell: (p) => (
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
            ),
          },
          {
            header: 'Patient',
            cell: (p) => (
              <>
                {p.patientName}
                {p.refundDue && (
                  <div className="small warn-text">
                    Booking {p.bookingStatus}: {formatMoney(p.refundable)} due for refund
                  </div>
                )}
              </>
            ),
          },
          { header: 'Method', cell: (p) => <MethodBadge method={p.paymentMethod} /> },
          {
            header: 'Amount',
            align: 'num',
            cell: (p) => (
              <>
                <div className="strong">{formatMoney(p.amount)}</div>
                {!!p.refundAmount && (
                  <div className="muted small">{formatMoney(p.refundAmount)} refunded</div>
                )}
              </>
            ),
          },
          {
            header: 'Status',
            cell: (p) => <PaymentStatusBadge status={p.status} partlyRefunded={!!p.refundAmount} />,
          },
          {
            header: 'Actions',
            srHeader: true,
            align: 'actions',
            cell: (p) => (
              <>
                <button
                  className="btn btn--small"
                  aria-haspopup="dialog"
                  onClick={() => void payments.openReceipt(p.id)}
                >
                  Receipt
                </button>
                {mayRefund && p.refundable > 0 && (
                  <button className="btn btn--small" aria-haspopup="dialog" onClick={() => setRefunding(p)}>
                    Refund
                  </button>
                )}
              </>
            ),
          },
        ]}
      />
      <Pager
        offset={payments.list.offset}
        total={payments.list.total}
        pageSize={payments.list.pageSize}
        onPage={(o) => payments.list.page(o)}
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
          <BookingMoneyPanel booking={booking} bare />
        </Dialog>
      )}
      {payments.receipt && !booking && (
        <ReceiptDialog receipt={payments.receipt} onClose={() => payments.closeReceipt()} />
      )}
    </section>
  )
})
