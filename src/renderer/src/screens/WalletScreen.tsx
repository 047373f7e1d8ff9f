import { observer } from 'mobx-react-lite'
import { useEffect, useState, type FormEvent } from 'react'
import type { StaffUser } from '../../../shared/contract/users'
import type { Drawer, LedgerType, MethodTotal } from '../../../shared/contract/wallet'
import type { DeskError } from '../../../shared/errors'
import { formatMoney, moneyInputText, PAYMENT_METHOD_LABEL, parseMoney } from '../../../shared/money'
import { asDeskError, call } from '../api/client'
import { ErrorBanner, Field, TextAreaField } from '../components/Form'
import { useAction } from '../components/useAction'
import { useStores } from '../stores/root'
import { Dialog, fmtDateTime, MoneyField, Pager, readMoney, readMoneyOrZero } from './PaymentsUi'
import { useLive } from '../live/useLive'

const TYPE_LABEL: Record<LedgerType, string> = { credit: 'In', debit: 'Out', refund: 'Refund', fee: 'Fee' }

function MethodTotals({ totals }: { totals: MethodTotal[] }) {
  const used = totals.filter((t) => t.payments > 0 || t.refunds > 0)
  if (used.length === 0) return <p className="muted">No payments or refunds yet this shift.</p>
  return (
    <table className="table table--compact" aria-label="Totals by method">
      <thead>
        <tr>
          <th>Method</th>
          <th className="num">Payments</th>
          <th className="num">Received</th>
          <th className="num">Refunded</th>
        </tr>
      </thead>
      <tbody>
        {used.map((t) => (
          <tr key={t.paymentMethod}>
            <td>{PAYMENT_METHOD_LABEL[t.paymentMethod]}</td>
            <td className="num">{t.payments}</td>
            <td className="num">{formatMoney(t.received)}</td>
            <td className="num">{t.refunded ? `−${formatMoney(t.refunded)}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function AddCashDialog({ onClose }: { onClose: () => void }) {
  const { wallet } = useStores()
  const [amount, setAmount] = useState('')
  const [description, setDescription] = useState('Opening float')
  const [error, setError] = useState<DeskError | null>(null)
  async function submit(e: FormEvent) {
    e.preventDefault()
    const money = readMoney('amount', amount)
    if ('error' in money) return setError(money.error)
    try {
      await wallet.deposit(money.paisa, description)
      onClose()
    } catch (err) {
      setError(asDeskError(err))
    }
  }
  const fieldErr = error?.details?.field ? error : null
  return (
    <Dialog
      title="Add cash to the drawer"
      subtitle="The opening float, or change from the safe."
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <MoneyField
          label="Amount"
          name="amount"
          value={amount}
          onChange={setAmount}
          error={fieldErr}
          autoFocus
        />
        <Field
          label="What it is"
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={fieldErr}
        />
        {!fieldErr && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary">
            Add cash
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function CloseShiftDialog({ drawer, onClose }: { drawer: Drawer; onClose: () => void }) {
  const { wallet } = useStores()
  const [counted, setCounted] = useState('')
  const [reason, setReason] = useState('')
  const [handOver, setHandOver] = useState('')
  const { busy, error, setError, run } = useAction()
  const expected = drawer.shift.expected
  const parsed = parseMoney(counted)
  const difference = parsed.ok ? parsed.paisa - expected : null
  const handed = parseMoney(handOver)
  const left = parsed.ok ? parsed.paisa - (handed.ok ? handed.paisa : 0) : null

  async function submit(e: FormEvent) {
    e.preventDefault()
    const c = readMoneyOrZero('countedCash', counted)
    if ('error' in c) return setError(c.error)
    const h = handOver.trim() ? readMoneyOrZero('handOver', handOver) : { paisa: 0 }
    if ('error' in h) return setError(h.error)
    await run(async () => {
      await wallet.closeShift({
        countedCash: c.paisa,
        reason: reason.trim() || undefined,
        handOver: h.paisa || undefined,
      })
      onClose()
    })
  }
  const fieldErr = error?.details?.field ? error : null
  return (
    <Dialog
      title="Close the shift"
      subtitle={`Since ${drawer.shift.openedAt ? fmtDateTime(drawer.shift.openedAt) : 'this drawer was opened'}`}
      onClose={onClose}
      wide
    >
      <div className="close-shift">
        <div>
          <h3>Totals this shift</h3>
          <MethodTotals totals={drawer.shift.totals} />
        </div>
        <form onSubmit={submit} noValidate>
          <MoneyField
            label="Cash counted in the drawer"
            name="countedCash"
            value={counted}
            onChange={setCounted}
            error={fieldErr}
            autoFocus
          />
          <div className="reconcile" aria-live="polite">
            <div>
              <span>Expected</span>
              <strong data-testid="expected-cash">{formatMoney(expected)}</strong>
            </div>
            <div>
              <span>Counted</span>
              <strong>{parsed.ok ? formatMoney(parsed.paisa) : '—'}</strong>
            </div>
            <div
              className={`reconcile__diff${difference === null ? '' : difference === 0 ? ' is-even' : difference > 0 ? ' is-over' : ' is-short'}`}
            >
              <span>Difference</span>
              <strong data-testid="cash-difference">
                {difference === null
                  ? '—'
                  : difference === 0
                    ? 'Balanced'
                    : `${difference > 0 ? 'Over' : 'Short'} ${formatMoney(Math.abs(difference))}`}
              </strong>
            </div>
          </div>
          <TextAreaField
            label={difference ? 'Reason for the difference (required)' : 'Reason for the difference'}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={fieldErr}
            rows={2}
          />
          <MoneyField
            label="Hand over to the safe"
            name="handOver"
            value={handOver}
            onChange={setHandOver}
            error={fieldErr}
            hint={
              left === null
                ? 'Optional: what is not handed over stays in the drawer as the next float.'
                : `${formatMoney(Math.max(0, left))} stays in the drawer as the next float.`
            }
          />
          {!fieldErr && <ErrorBanner error={error} />}
          <div className="dialog__actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            {parsed.ok && (
              <button
                type="button"
                className="btn"
                onClick={() => setHandOver(moneyInputText(parsed.paisa))}
                title="Hand everything over"
              >
                Hand over all
              </button>
            )}
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? 'Closing…' : 'Close shift'}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  )
}

export const WalletScreen = observer(function WalletScreen() {
  const { wallet, session } = useStores()
  const me = session.user!
  const [adding, setAdding] = useState(false)
  const [closing, setClosing] = useState(false)
  const [accounts, setAccounts] = useState<StaffUser[]>([])

  useEffect(() => {
    void wallet.load()
    if (me.role === 'admin')
      void call('users.list', { limit: 500 }).then(
        (r) => setAccounts(r.items),
        () => setAccounts([]),
      )
  }, [wallet, me.role])
  useLive(['wallet', 'payments'], () => wallet.load())

  const d = wallet.drawer
  const own = !d || d.userId === me.id
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Cash drawer</h1>
          <p className="muted">
            {own
              ? 'The cash you hold: every cash payment and refund moves it.'
              : `${d?.userName}’s drawer (view only).`}
          </p>
        </div>
        <div className="actions">
          {me.role === 'admin' && accounts.length > 0 && (
            <select
              className="input"
              aria-label="Account"
              value={wallet.userId ?? ''}
              onChange={(e) => wallet.show(e.target.value ? Number(e.target.value) : undefined)}
            >
              <option value="">My drawer</option>
              {accounts
                .filter((a) => a.id !== me.id)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
            </select>
          )}
          {own && (
            <>
              <button className="btn" onClick={() => setAdding(true)}>
                Add cash
              </button>
              <button className="btn btn--primary" onClick={() => setClosing(true)} disabled={!d}>
                Close shift
              </button>
            </>
          )}
        </div>
      </header>
      <ErrorBanner error={wallet.error} />
      {wallet.lastClosing && own && (
        <div
          className={`banner banner--${wallet.lastClosing.difference === 0 ? 'success' : 'warning'}`}
          role="status"
        >
          Shift closed at {fmtDateTime(wallet.lastClosing.closedAt)}: expected{' '}
          {formatMoney(wallet.lastClosing.expectedCash)}, counted{' '}
          {formatMoney(wallet.lastClosing.countedCash)}
          {wallet.lastClosing.difference !== 0 &&
            ` (${wallet.lastClosing.difference > 0 ? 'over' : 'short'} by ${formatMoney(Math.abs(wallet.lastClosing.difference))}: ${wallet.lastClosing.reason})`}
          .
        </div>
      )}
      {d && (
        <>
          <div className="cards cards--drawer">
            <article className="card drawer-total">
              <h2>In the drawer</h2>
              <div className="drawer-total__amount" data-testid="drawer-balance">
                {formatMoney(d.balance)}
              </div>
              <p className="muted small">{d.currency}, by the ledger below.</p>
            </article>
            <article className="card">
              <h2>This shift</h2>
              <dl className="sums">
                <dt>Started</dt>
                <dd>{d.shift.openedAt ? fmtDateTime(d.shift.openedAt) : 'First shift'}</dd>
                <dt>Opening cash</dt>
                <dd>{formatMoney(d.shift.openingBalance)}</dd>
                <dt>Cash in</dt>
                <dd className="in">+{formatMoney(d.shift.cashIn)}</dd>
                <dt>Cash out</dt>
                <dd className="out">−{formatMoney(d.shift.cashOut)}</dd>
                <dt>Expected now</dt>
                <dd className="strong">{formatMoney(d.shift.expected)}</dd>
              </dl>
            </article>
            <article className="card">
              <h2>By method</h2>
              <MethodTotals totals={d.shift.totals} />
            </article>
          </div>

          <h2 className="section-title">Ledger</h2>
          <div className="table-wrap">
            <table className="table" aria-label="Ledger">
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Description</th>
                  <th>Type</th>
                  <th className="num">In</th>
                  <th className="num">Out</th>
                  <th className="num">Balance</th>
                </tr>
              </thead>
              <tbody>
                {d.ledger.items.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{fmtDateTime(r.createdAt)}</td>
                    <td>{r.description}</td>
                    <td>
                      <span
                        className={`badge badge--${r.type === 'credit' ? 'success' : r.type === 'refund' ? 'warning' : 'neutral'}`}
                      >
                        {TYPE_LABEL[r.type]}
                      </span>
                    </td>
                    <td className="num in">{r.type === 'credit' ? formatMoney(r.amount) : ''}</td>
                    <td className="num out">{r.type !== 'credit' ? formatMoney(r.amount) : ''}</td>
                    <td className="num strong">{formatMoney(r.balanceAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.ledger.items.length === 0 && (
              <div className="empty">No cash has moved through this drawer yet.</div>
            )}
          </div>
          <Pager
            offset={wallet.offset}
            total={d.ledger.total}
            pageSize={wallet.pageSize}
            onPage={(o) => wallet.page(o)}
          />

          {d.closings.length > 0 && (
            <>
              <h2 className="section-title">Recent shift closes</h2>
              <div className="table-wrap">
                <table className="table" aria-label="Shift closes">
                  <thead>
                    <tr>
                      <th>Closed</th>
                      <th className="num">Expected</th>
                      <th className="num">Counted</th>
                      <th className="num">Difference</th>
                      <th>Reason</th>
                      <th className="num">To the safe</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.closings.map((c) => (
                      <tr key={c.id}>
                        <td className="nowrap">{fmtDateTime(c.closedAt)}</td>
                        <td className="num">{formatMoney(c.expectedCash)}</td>
                        <td className="num">{formatMoney(c.countedCash)}</td>
                        <td className={`num ${c.difference < 0 ? 'out' : c.difference > 0 ? 'in' : ''}`}>
                          {c.difference === 0 ? '—' : formatMoney(c.difference)}
                        </td>
                        <td>{c.reason ?? ''}</td>
                        <td className="num">{c.handedOver ? formatMoney(c.handedOver) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
      {adding && <AddCashDialog onClose={() => setAdding(false)} />}
      {closing && d && <CloseShiftDialog drawer={d} onClose={() => setClosing(false)} />}
    </section>
  )
})
