import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffUser } from '../../../shared/contract/users'
import { formatMoney } from '../../../shared/money'
import { call } from '../api/client'
import { ErrorBanner } from '../ui/Field'
import { useStores } from '../stores/root'
import { Badge, FilterSelect, idChoices, Pager, PageHeader } from '../ui'
import { formatDateTime } from '../../../shared/format'
import { LEDGER_TYPE_LABEL } from '../../../shared/labels'
import { useLive } from '../live/useLive'
import { AddCashDialog, CloseShiftDialog, MethodTotals } from './WalletDialogs'
import { ledgerText } from './ledgerText'

export const WalletScreen = observer(function WalletScreen() {
  const { t } = useTranslation()
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
      <PageHeader
        title={t('wallet.screen.title')}
        subtitle={own ? t('wallet.screen.introOwn') : t('wallet.screen.introOther', { name: d?.userName })}
      >
        <div className="actions">
          {me.role === 'admin' && accounts.length > 0 && (
            <FilterSelect
              label={t('wallet.screen.account')}
              any={t('wallet.screen.mine')}
              {...idChoices(accounts.filter((a) => a.id !== me.id))}
              value={wallet.userId ?? ''}
              onChange={(id) => wallet.show(id === '' ? undefined : id)}
              wide
            />
          )}
          {own && (
            <>
              <button className="btn" aria-haspopup="dialog" onClick={() => setAdding(true)}>
                {t('wallet.screen.addCash')}
              </button>
              <button
                className="btn btn--primary"
                aria-haspopup="dialog"
                onClick={() => setClosing(true)}
                disabled={!d}
              >
                {t('wallet.screen.closeShift')}
              </button>
            </>
          )}
        </div>
      </PageHeader>
      <ErrorBanner error={wallet.list.error} />
      {wallet.lastClosing && own && (
        <div
          className={`banner banner--${wallet.lastClosing.difference === 0 ? 'success' : 'warning'}`}
          role="status"
        >
          {t(
            wallet.lastClosing.difference === 0
              ? 'wallet.screen.closedEven'
              : wallet.lastClosing.difference > 0
                ? 'wallet.screen.closedOver'
                : 'wallet.screen.closedShort',
            {
              at: formatDateTime(wallet.lastClosing.closedAt),
              expected: formatMoney(wallet.lastClosing.expectedCash),
              counted: formatMoney(wallet.lastClosing.countedCash),
              difference: formatMoney(Math.abs(wallet.lastClosing.difference)),
              reason: wallet.lastClosing.reason,
            },
          )}
        </div>
      )}
      {d && (
        <>
          <div className="cards cards--drawer">
            <article className="card drawer-total">
              <h2>{t('wallet.screen.inDrawer')}</h2>
              <div className="drawer-total__amount" data-testid="drawer-balance">
                {formatMoney(d.balance)}
              </div>
              <p className="muted small">{t('wallet.screen.byLedger', { currency: d.currency })}</p>
            </article>
            <article className="card">
              <h2>{t('wallet.screen.thisShift')}</h2>
              <dl className="sums">
                <dt>{t('wallet.screen.started')}</dt>
                <dd>{d.shift.openedAt ? formatDateTime(d.shift.openedAt) : t('wallet.screen.firstShift')}</dd>
                <dt>{t('wallet.screen.openingCash')}</dt>
                <dd>{formatMoney(d.shift.openingBalance)}</dd>
                <dt>{t('wallet.screen.cashIn')}</dt>
                <dd className="in">+{formatMoney(d.shift.cashIn)}</dd>
                <dt>{t('wallet.screen.cashOut')}</dt>
                <dd className="out">−{formatMoney(d.shift.cashOut)}</dd>
                <dt>{t('wallet.screen.expectedNow')}</dt>
                <dd className="strong">{formatMoney(d.shift.expected)}</dd>
              </dl>
            </article>
            <article className="card">
              <h2>{t('wallet.screen.byMethod')}</h2>
              <MethodTotals totals={d.shift.totals} />
            </article>
          </div>

          <h2 className="section-title">{t('wallet.screen.ledger')}</h2>
          <div className="table-wrap">
            <table className="table" aria-label={t('wallet.screen.ledger')}>
              <thead>
                <tr>
                  <th>{t('wallet.ledger.date')}</th>
                  <th>{t('wallet.ledger.description')}</th>
                  <th>{t('wallet.ledger.type')}</th>
                  <th className="num">{t('wallet.ledger.in')}</th>
                  <th className="num">{t('wallet.ledger.out')}</th>
                  <th className="num">{t('wallet.ledger.balance')}</th>
                </tr>
              </thead>
              <tbody>
                {d.ledger.items.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                    <td>{ledgerText(r.description, t)}</td>
                    <td>
                      <Badge
                        tone={r.type === 'credit' ? 'success' : r.type === 'refund' ? 'warning' : 'neutral'}
                      >
                        {LEDGER_TYPE_LABEL[r.type]}
                      </Badge>
                    </td>
                    <td className="num in">{r.type === 'credit' ? formatMoney(r.amount) : ''}</td>
                    <td className="num out">{r.type !== 'credit' ? formatMoney(r.amount) : ''}</td>
                    <td className="num strong">{formatMoney(r.balanceAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.ledger.items.length === 0 && <div className="empty">{t('wallet.screen.emptyLedger')}</div>}
          </div>
          <Pager
            offset={wallet.list.offset}
            total={d.ledger.total}
            pageSize={wallet.list.pageSize}
            onPage={(o) => wallet.list.page(o)}
          />

          {d.closings.length > 0 && (
            <>
              <h2 className="section-title">{t('wallet.screen.closings')}</h2>
              <div className="table-wrap">
                <table className="table" aria-label={t('wallet.screen.closingsTable')}>
                  <thead>
                    <tr>
                      <th>{t('wallet.closings.closed')}</th>
                      <th className="num">{t('wallet.closings.expected')}</th>
                      <th className="num">{t('wallet.closings.counted')}</th>
                      <th className="num">{t('wallet.closings.difference')}</th>
                      <th>{t('wallet.closings.reason')}</th>
                      <th className="num">{t('wallet.closings.toSafe')}</th>
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
