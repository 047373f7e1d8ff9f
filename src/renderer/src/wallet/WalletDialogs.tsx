import { useState, type FormEvent } from 'react'
import type { Drawer, MethodTotal } from '../../../shared/contract/wallet'
import type { DeskError } from '../../../shared/errors'
import { formatMoney, moneyInputText, PAYMENT_METHOD_LABEL, parseMoney } from '../../../shared/money'
import { asDeskError } from '../api/client'
import { ErrorBanner, Field, TextAreaField } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { useStores } from '../stores/root'
import { readMoney, readMoneyOrZero } from '../payments/PaymentsUi'
import { Dialog, MoneyField } from '../ui'
import { formatDateTime } from '../../../shared/format'

export function AddCashDialog({ onClose }: { onClose: () => void }) {
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

export function CloseShiftDialog({ drawer, onClose }: { drawer: Drawer; onClose: () => void }) {
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
      subtitle={`Since ${drawer.shift.openedAt ? formatDateTime(drawer.shift.openedAt) : 'this drawer was opened'}`}
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

export function MethodTotals({ totals }: { totals: MethodTotal[] }) {
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
