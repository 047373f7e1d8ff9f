import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Hospital } from '../../../shared/contract/hospitals'
import { PAYMENT_STATUSES, type Payment } from '../../../shared/contract/payments'
import { formatMoney, PAYMENT_METHOD_LABEL, PAYMENT_METHODS } from '../../../shared/money'
import { call } from '../api/client'
import { ErrorBanner } from '../ui/Field'
import { useStores } from '../stores/root'
import { BookingMoneyPanel } from './PaymentsBookingPanel'
import {
  closedStatus,
  receiptNumber,
  RecordPaymentDialog,
  RefundDialog,
  ReceiptDialog,
  type BookingRef,
} from './PaymentsDialogs'
import { MethodBadge } from './PaymentsUi'
import {
  Badge,
  DataTable,
  Dialog,
  FilterSelect,
  idChoices,
  Pager,
  PaymentStatusBadge,
  Tabs,
  PageHeader,
} from '../ui'
import { formatCount, PAYMENT_STATUS_LABEL } from '../../../shared/labels'
import { formatDateTime } from '../../../shared/format'
import { useLive } from '../live/useLive'
import { DateTimeEntry } from '../ui/DateTimeEntry'

/** The day box's value once it is a whole day (or cleared); what is half typed filters nothing yet. */
const isDayOrEmpty = (value: string) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)

export const PaymentsScreen = observer(function PaymentsScreen() {
  const { t } = useTranslation()
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
      <PageHeader title={t('payments.screen.title')} subtitle={t('payments.screen.intro')}>
        {role === 'user' && (
          <button className="btn btn--primary" aria-haspopup="dialog" onClick={() => setRecording(true)}>
            {t('payments.screen.record')}
          </button>
        )}
      </PageHeader>

      <Tabs
        label={t('payments.screen.which')}
        choices={[
          { value: 'all', label: t('payments.screen.all') },
          {
            value: 'due',
            label: (
              <>
                {t('payments.screen.due')}
                {payments.dueCount > 0 && <Badge tone="warning">{formatCount(payments.dueCount)}</Badge>}
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
            <FilterSelect
              label={t('payments.screen.hospital')}
              any={t('payments.screen.allHospitals')}
              {...idChoices(hospitals)}
              value={f.hospitalId ?? ''}
              onChange={(id) => payments.setFilter('hospitalId', id === '' ? undefined : id)}
              wide
            />
          )}
          <FilterSelect
            label={t('payments.screen.method')}
            any={t('payments.screen.anyMethod')}
            values={PAYMENT_METHODS}
            name={(m) => PAYMENT_METHOD_LABEL[m]}
            value={f.paymentMethod ?? ''}
            onChange={(m) => payments.setFilter('paymentMethod', m || undefined)}
          />
          <FilterSelect
            label={t('payments.screen.status')}
            any={t('payments.screen.anyStatus')}
            values={PAYMENT_STATUSES}
            name={(status) => PAYMENT_STATUS_LABEL[status]}
            value={f.status ?? ''}
            onChange={(status) => payments.setFilter('status', status || undefined)}
          />
          <label className="toolbar__label">
            {t('payments.screen.from')}
            <DateTimeEntry
              className="input input--date"
              withTime={false}
              value={f.fromDay ?? ''}
              onChange={(day) => isDayOrEmpty(day) && payments.setFilter('fromDay', day)}
            />
          </label>
          <label className="toolbar__label">
            {t('payments.screen.to')}
            <DateTimeEntry
              className="input input--date"
              withTime={false}
              value={f.toDay ?? ''}
              onChange={(day) => isDayOrEmpty(day) && payments.setFilter('toDay', day)}
            />
          </label>
        </div>
      ) : (
        <p className="banner banner--info">{t('payments.screen.dueInfo')}</p>
      )}

      <ErrorBanner error={payments.error} />
      <DataTable
        label={t('payments.screen.table')}
        rows={payments.list.items}
        rowKey={(p) => p.id}
        loading={payments.list.loading}
        error={payments.list.error}
        onRetry={() => void payments.load()}
        empty={payments.tab === 'due' ? t('payments.screen.emptyDue') : t('payments.screen.emptyAll')}
        footer={
          <>
            {t('payments.screen.count', { count: payments.list.total, n: formatCount(payments.list.total) })}{' '}
            · {formatMoney(payments.list.result?.sum ?? 0)}
          </>
        }
        columns={[
          {
            header: t('payments.column.receipt'),
            align: 'nowrap',
            cell: (p) => (
              <>
                <div className="mono">{receiptNumber(p.id)}</div>
                <div className="muted small">{formatDateTime(p.createdAt)}</div>
              </>
            ),
          },
          {
            header: t('payments.column.booking'),
            align: 'nowrap',
            cell: (p) => (
              <button
                className="link mono"
                title={t('payments.screen.openBooking')}
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
            header: t('payments.column.patient'),
            cell: (p) => (
              <>
                {p.patientName}
                {p.refundDue && (
                  <div className="small warn-text">
                    {t('payments.screen.refundDueLine', {
                      status: closedStatus(p.bookingStatus),
                      amount: formatMoney(p.refundable),
                    })}
                  </div>
                )}
              </>
            ),
          },
          { header: t('payments.column.method'), cell: (p) => <MethodBadge method={p.paymentMethod} /> },
          {
            header: t('payments.column.amount'),
            align: 'num',
            cell: (p) => (
              <>
                <div className="strong">{formatMoney(p.amount)}</div>
                {!!p.refundAmount && (
                  <div className="muted small">
                    {t('payments.screen.refundedAmount', { amount: formatMoney(p.refundAmount) })}
                  </div>
                )}
              </>
            ),
          },
          {
            header: t('payments.column.status'),
            cell: (p) => <PaymentStatusBadge status={p.status} partlyRefunded={!!p.refundAmount} />,
          },
          {
            header: t('payments.column.actions'),
            srHeader: true,
            align: 'actions',
            cell: (p) => (
              <>
                <button
                  className="btn btn--small"
                  aria-haspopup="dialog"
                  onClick={() => void payments.openReceipt(p.id)}
                >
                  {t('payments.screen.receipt')}
                </button>
                {mayRefund && p.refundable > 0 && (
                  <button className="btn btn--small" aria-haspopup="dialog" onClick={() => setRefunding(p)}>
                    {t('payments.screen.refund')}
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
          title={`${booking.bookingReference ?? t('payments.bookingNumber', { id: booking.id })} · ${booking.patientName}`}
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
