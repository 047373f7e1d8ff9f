import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import type { StaffUser } from '../../../shared/contract/users'
import type { LedgerType } from '../../../shared/contract/wallet'
import { formatMoney } from '../../../shared/money'
import { call } from '../api/client'
import { ErrorBanner } from '../ui/Field'
import { useStores } from '../stores/root'
import { Badge, Pager } from '../ui'
import { formatDateTime } from '../../../shared/format'
import { useLive } from '../live/useLive'
import { AddCashDialog, CloseShiftDialog, MethodTotals } from './WalletDialogs'

const TYPE_LABEL: Record<LedgerType, string> = { credit: 'In', debit: 'Out', refund: 'Refund', fee: 'Fee' }

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
              <button className="btn" aria-haspopup="dialog" onClick={() => setAdding(true)}>
                Add cash
              </button>
              <button
                className="btn btn--primary"
                aria-haspopup="dialog"
                onClick={() => setClosing(true)}
                disabled={!d}
              >
                Close shift
              </button>
            </>
          )}
        </div>
      </header>
      <ErrorBanner error={wallet.list.error} />
      {wallet.lastClosing && own && (
        <div
          className={`banner banner--${wallet.lastClosing.difference === 0 ? 'success' : 'warning'}`}
          role="status"
        >
          Shift closed at {formatDateTime(wallet.lastClosing.closedAt)}: expected{' '}
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
                <dd>{d.shift.openedAt ? formatDateTime(d.shift.openedAt) : 'First shift'}</dd>
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
                    <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                    <td>{r.description}</td>
                    <td>
                      <Badge
                        tone={r.type === 'credit' ? 'success' : r.type === 'refund' ? 'warning' : 'neutral'}
                      >
                        {TYPE_LABEL[r.type]}
                      </Badge>
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
            offset={wallet.list.offset}
            total={d.ledger.total}
            pageSize={wallet.list.pageSize}
            onPage={(o) => wallet.list.page(o)}
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
                        <td className="nowrap">{formatDateTime(c.closedAt)}</td>
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
