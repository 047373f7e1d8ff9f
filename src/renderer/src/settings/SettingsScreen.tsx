import { observer } from 'mobx-react-lite'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { i18n } from '../i18n'
import type { FeeSetting } from '../../../shared/contract/settings'
import type { DeskError } from '../../../shared/errors'
import {
  formatHundredths,
  formatMoney,
  moneyInputText,
  parseMoney,
  PAYMENT_METHOD_LABEL,
  PAYMENT_METHODS,
  splitFee,
  type PaymentMethod,
} from '../../../shared/money'
import { asDeskError } from '../api/client'
import { ErrorBanner } from '../ui/Field'
import { useStores } from '../stores/root'
import { fieldError } from '../payments/PaymentsUi'
import { formatDateTime } from '../../../shared/format'
import { formatDigits } from '../../../shared/labels'
import { toAsciiDigits } from '../../../shared/locale/digits'
import { HubSettings } from './HubSettings'
import { PageHeader } from '../ui'

type Row = { percent: string; fixed: string }
const EXAMPLE = 100_000

/** "1.5" or "১.৫" → 150 basis points, refusing a third decimal; null when it is not a percentage. */
function readPercent(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(toAsciiDigits(text).trim())
  if (!m) return null
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return bp <= 10_000 ? bp : null
}

export const SettingsScreen = observer(function SettingsScreen() {
  const { settings } = useStores()
  const [rows, setRows] = useState<Record<PaymentMethod, Row> | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const { t } = useTranslation()

  useEffect(() => {
    void settings.load()
  }, [settings])
  const loaded = settings.settings
  useEffect(() => {
    if (!loaded) return
    setRows(
      Object.fromEntries(
        PAYMENT_METHODS.map((m) => [
          m,
          {
            percent: formatDigits(formatHundredths(Math.round(loaded.fees[m].percent * 100))),
            fixed: formatDigits(moneyInputText(loaded.fees[m].fixedFee)),
          },
        ]),
      ) as Record<PaymentMethod, Row>,
    )
  }, [loaded])

  function parse(): Record<PaymentMethod, FeeSetting> | DeskError {
    const fees = {} as Record<PaymentMethod, FeeSetting>
    for (const m of PAYMENT_METHODS) {
      const bp = readPercent(rows![m].percent)
      if (bp === null) return fieldError(`fees.${m}.percent`, i18n.t('settings.fees.percentRule'))
      const fixed = parseMoney(rows![m].fixed || '0')
      if (!fixed.ok) return fieldError(`fees.${m}.fixedFee`, fixed.message)
      fees[m] = { percent: bp / 100, fixedFee: fixed.paisa }
    }
    return fees
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setSaved(false)
    const fees = parse()
    if (!('cash' in fees)) return setError(fees)
    setBusy(true)
    try {
      await settings.save(fees)
      setError(null)
      setSaved(true)
    } catch (err) {
      setError(asDeskError(err))
    } finally {
      setBusy(false)
    }
  }

  const set = (m: PaymentMethod, k: keyof Row) => (e: { target: { value: string } }) => {
    setSaved(false)
    setRows({ ...rows!, [m]: { ...rows![m], [k]: e.target.value } })
  }
  const fieldMsg = (name: string) => error?.fieldMessage(name)

  return (
    <section className="page">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <ErrorBanner error={settings.error} />
      <article className="card settings-card">
        <h2>{t('settings.fees.title')}</h2>
        <p className="muted">{t('settings.fees.text')}</p>
        {rows && (
          <form onSubmit={submit} noValidate>
            <table className="table fee-table" aria-label={t('settings.fees.table')}>
              <thead>
                <tr>
                  <th>{t('settings.fees.method')}</th>
                  <th>{t('settings.fees.percentage')}</th>
                  <th>{t('settings.fees.fixed')}</th>
                  <th className="num">{t('settings.fees.onExample', { amount: formatMoney(EXAMPLE) })}</th>
                  <th className="num">{t('settings.fees.hospitalGets')}</th>
                </tr>
              </thead>
              <tbody>
                {PAYMENT_METHODS.map((m) => {
                  const bp = readPercent(rows[m].percent)
                  const fixed = parseMoney(rows[m].fixed || '0')
                  const split =
                    bp !== null && fixed.ok
                      ? splitFee(EXAMPLE, { percentBasisPoints: bp, fixedFee: fixed.paisa })
                      : null
                  const pMsg = fieldMsg(`fees.${m}.percent`)
                  const fMsg = fieldMsg(`fees.${m}.fixedFee`)
                  return (
                    <tr key={m}>
                      <td className="strong">{PAYMENT_METHOD_LABEL[m]}</td>
                      <td>
                        <div className={`suffix-input${pMsg ? ' is-invalid' : ''}`}>
                          <input
                            aria-label={t('settings.fees.percentLabel', { method: PAYMENT_METHOD_LABEL[m] })}
                            inputMode="decimal"
                            value={rows[m].percent}
                            onChange={set(m, 'percent')}
                            aria-invalid={!!pMsg}
                          />
                          <span>%</span>
                        </div>
                        {pMsg && (
                          <div className="field__error" role="alert">
                            {pMsg}
                          </div>
                        )}
                      </td>
                      <td>
                        <div className={`money-input money-input--compact${fMsg ? ' is-invalid' : ''}`}>
                          <span>৳</span>
                          <input
                            aria-label={t('settings.fees.fixedLabel', { method: PAYMENT_METHOD_LABEL[m] })}
                            inputMode="decimal"
                            value={rows[m].fixed}
                            onChange={set(m, 'fixed')}
                            aria-invalid={!!fMsg}
                          />
                        </div>
                        {fMsg && (
                          <div className="field__error" role="alert">
                            {fMsg}
                          </div>
                        )}
                      </td>
                      <td className="num">{split ? formatMoney(split.platformFee) : '—'}</td>
                      <td className="num">{split ? formatMoney(split.hospitalShare) : '—'}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
            {error && !error.details?.field && <ErrorBanner error={error} />}
            <div className="settings-card__foot">
              <span className="muted small">
                {loaded?.updatedAt
                  ? t('settings.fees.lastChanged', { when: formatDateTime(loaded.updatedAt) })
                  : t('settings.fees.never')}
              </span>
              {saved && (
                <span className="ok small" role="status">
                  {t('settings.fees.saved')}
                </span>
              )}
              <button className="btn btn--primary" type="submit" disabled={busy}>
                {busy ? t('settings.fees.saving') : t('settings.fees.save')}
              </button>
            </div>
          </form>
        )}
      </article>
      <HubSettings />
    </section>
  )
})
