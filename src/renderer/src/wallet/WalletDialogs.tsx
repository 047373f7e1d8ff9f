import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Drawer, MethodTotal } from '../../../shared/contract/wallet'
import type { DeskError } from '../../../shared/errors'
import { formatMoney, moneyInputText, parseMoney, PAYMENT_METHOD_LABEL } from '../../../shared/money'
import { asDeskError } from '../api/client'
import { ErrorBanner, Field, TextAreaField } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { useStores } from '../stores/root'
import { readMoney, readMoneyOrZero } from '../payments/PaymentsUi'
import { Dialog, MoneyField } from '../ui'
import { formatDateTime } from '../../../shared/format'
import { formatCount, formatDigits } from '../../../shared/labels'

export function AddCashDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { wallet, toasts } = useStores()
  const [amount, setAmount] = useState('')
  const [description, setDescription] = useState(() => t('wallet.add.defaultDescription'))
  const [error, setError] = useState<DeskError | null>(null)
  async function submit(e: FormEvent) {
    e.preventDefault()
    const money = readMoney('amount', amount)
    if ('error' in money) return setError(money.error)
    try {
      await wallet.deposit(money.paisa, description)
      toasts.show(t('wallet.toast.added', { amount: formatMoney(money.paisa) }))
      onClose()
    } catch (err) {
      setError(asDeskError(err))
    }
  }
  const fieldErr = error?.details?.field ? error : null
  return (
    <Dialog title={t('wallet.add.title')} subtitle={t('wallet.add.subtitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <MoneyField
          label={t('wallet.add.amount')}
          name="amount"
          value={amount}
          onChange={setAmount}
          error={fieldErr}
          autoFocus
        />
        <Field
          label={t('wallet.add.what')}
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={fieldErr}
        />
        {!fieldErr && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('wallet.add.cancel')}
          </button>
          <button type="submit" className="btn btn--primary">
            {t('wallet.add.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

export function CloseShiftDialog({ drawer, onClose }: { drawer: Drawer; onClose: () => void }) {
  const { t } = useTranslation()
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
      title={t('wallet.close.title')}
      subtitle={
        drawer.shift.openedAt
          ? t('wallet.close.since', { at: formatDateTime(drawer.shift.openedAt) })
          : t('wallet.close.sinceOpened')
      }
      onClose={onClose}
      wide
    >
      <div className="close-shift">
        <div>
          <h3>{t('wallet.close.totals')}</h3>
          <MethodTotals totals={drawer.shift.totals} />
        </div>
        <form onSubmit={submit} noValidate>
          <MoneyField
            label={t('wallet.close.counted')}
            name="countedCash"
            value={counted}
            onChange={setCounted}
            error={fieldErr}
            autoFocus
          />
          <div className="reconcile" aria-live="polite">
            <div>
              <span>{t('wallet.close.expected')}</span>
              <strong data-testid="expected-cash">{formatMoney(expected)}</strong>
            </div>
            <div>
              <span>{t('wallet.close.countedShort')}</span>
              <strong>{parsed.ok ? formatMoney(parsed.paisa) : '—'}</strong>
            </div>
            <div
              className={`reconcile__diff${difference === null ? '' : difference === 0 ? ' is-even' : difference > 0 ? ' is-over' : ' is-short'}`}
            >
              <span>{t('wallet.close.difference')}</span>
              <strong data-testid="cash-difference">
                {difference === null
                  ? '—'
                  : difference === 0
                    ? t('wallet.close.balanced')
                    : difference > 0
                      ? t('wallet.close.over', { amount: formatMoney(difference) })
                      : t('wallet.close.short', { amount: formatMoney(-difference) })}
              </strong>
            </div>
          </div>
          <TextAreaField
            label={difference ? t('wallet.close.reasonRequired') : t('wallet.close.reason')}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={fieldErr}
            rows={2}
          />
          <MoneyField
            label={t('wallet.close.handOver')}
            name="handOver"
            value={handOver}
            onChange={setHandOver}
            error={fieldErr}
            hint={
              left === null
                ? t('wallet.close.handOverHint')
                : t('wallet.close.staysHint', { amount: formatMoney(Math.max(0, left)) })
            }
          />
          {!fieldErr && <ErrorBanner error={error} />}
          <div className="dialog__actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('wallet.close.cancel')}
            </button>
            {parsed.ok && (
              <button
                type="button"
                className="btn"
                onClick={() => setHandOver(formatDigits(moneyInputText(parsed.paisa)))}
                title={t('wallet.close.handAllTitle')}
              >
                {t('wallet.close.handAll')}
              </button>
            )}
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? t('wallet.close.busy') : t('wallet.close.submit')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  )
}

export function MethodTotals({ totals }: { totals: MethodTotal[] }) {
  const { t } = useTranslation()
  const used = totals.filter((m) => m.payments > 0 || m.refunds > 0)
  if (used.length === 0) return <p className="muted">{t('wallet.totals.none')}</p>
  return (
    <table className="table table--compact" aria-label={t('wallet.totals.table')}>
      <thead>
        <tr>
          <th>{t('wallet.totals.method')}</th>
          <th className="num">{t('wallet.totals.payments')}</th>
          <th className="num">{t('wallet.totals.received')}</th>
          <th className="num">{t('wallet.totals.refunded')}</th>
        </tr>
      </thead>
      <tbody>
        {used.map((m) => (
          <tr key={m.paymentMethod}>
            <td>{PAYMENT_METHOD_LABEL[m.paymentMethod]}</td>
            <td className="num">{formatCount(m.payments)}</td>
            <td className="num">{formatMoney(m.received)}</td>
            <td className="num">{m.refunded ? `−${formatMoney(m.refunded)}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
