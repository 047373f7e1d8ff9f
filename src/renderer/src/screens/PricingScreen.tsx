import { observer } from 'mobx-react-lite'
import { useEffect, useState, type FormEvent } from 'react'
import type { PriceRow } from '../../../shared/contract/pricing'
import type { DeskError } from '../../../shared/errors'
import { formatMoney, moneyInputText, parseMoney } from '../../../shared/money'
import { RESOURCE_TYPES, URGENCIES, type ResourceType, type Urgency } from '../../../shared/schemas'
import { ErrorBanner, Field, SelectField } from '../components/Form'
import { useAction } from '../components/useAction'
import { useStores } from '../stores/root'
import { Dialog, fieldError, fmtDateTime, fromLocalInput, MoneyField, toLocalInput } from './PaymentsUi'
import { LiveQuote } from './PricingQuote'
import { parseTypedNumber } from '../../../shared/locale/digits'

const RESOURCE_NAME: Record<ResourceType, string> = {
  beds: 'Beds',
  icu: 'ICU',
  operationTheatres: 'Operation theatres',
}
const STATE_BADGE = { current: 'success', past: 'neutral', scheduled: 'info' } as const

function SetPriceDialog({
  hospitalId,
  resourceType,
  current,
  onClose,
}: {
  hospitalId: number
  resourceType: ResourceType
  current?: PriceRow
  onClose: () => void
}) {
  const { pricing } = useStores()
  const [form, setForm] = useState({
    resourceType,
    basePrice: current ? moneyInputText(current.basePrice) : '',
    pricePerDay: current?.pricePerDay ? moneyInputText(current.pricePerDay) : '',
    pricePerHour: current?.pricePerHour ? moneyInputText(current.pricePerHour) : '',
    emergencyMultiplier: current ? current.emergencyMultiplier.toFixed(2) : '1.50',
    effectiveFrom: toLocalInput(new Date()),
  })
  const { busy, error, setError, run } = useAction()
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v })

  async function submit(e: FormEvent) {
    e.preventDefault()
    const base = parseMoney(form.basePrice || '0')
    if (!base.ok) return setError(fieldError('basePrice', base.message))
    const money = (field: 'pricePerDay' | 'pricePerHour'): number | null | DeskError => {
      if (!form[field].trim()) return null
      const p = parseMoney(form[field])
      return p.ok ? p.paisa : fieldError(field, p.message)
    }
    const perDay = money('pricePerDay')
    const perHour = money('pricePerHour')
    if (perDay !== null && typeof perDay !== 'number') return setError(perDay)
    if (perHour !== null && typeof perHour !== 'number') return setError(perHour)
    const multiplier = parseTypedNumber(form.emergencyMultiplier)
    if (!form.emergencyMultiplier.trim() || Number.isNaN(multiplier))
      return setError(fieldError('emergencyMultiplier', 'must be a number like 1.50'))
    await run(async () => {
      await pricing.set({
        hospitalId,
        resourceType: form.resourceType,
        basePrice: base.paisa,
        pricePerDay: perDay,
        pricePerHour: perHour,
        emergencyMultiplier: multiplier,
        effectiveFrom: fromLocalInput(form.effectiveFrom),
      })
      onClose()
    })
  }
  const fieldErr = error?.details?.field ? error : null
  return (
    <Dialog
      title="Set a new price"
      subtitle="The current price ends when this one starts; its history is kept."
      onClose={onClose}
      wide
    >
      <form onSubmit={submit} noValidate>
        <div className="form-grid form-grid--2">
          <SelectField
            label="Resource"
            name="resourceType"
            value={form.resourceType}
            onChange={(e) => set('resourceType')(e.target.value)}
            error={fieldErr}
          >
            {RESOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {RESOURCE_NAME[t]}
              </option>
            ))}
          </SelectField>
          <Field
            label="Effective from"
            name="effectiveFrom"
            type="datetime-local"
            value={form.effectiveFrom}
            onChange={(e) => set('effectiveFrom')(e.target.value)}
            error={fieldErr}
          />
          <MoneyField
            label="Base charge"
            name="basePrice"
            value={form.basePrice}
            onChange={set('basePrice')}
            error={fieldErr}
            hint="Charged once per stay."
          />
          <Field
            label="Emergency multiplier"
            name="emergencyMultiplier"
            inputMode="decimal"
            value={form.emergencyMultiplier}
            onChange={(e) => set('emergencyMultiplier')(e.target.value)}
            error={fieldErr}
            hint="1.00 to 5.00, for critical urgency."
          />
          <MoneyField
            label="Price per day"
            name="pricePerDay"
            value={form.pricePerDay}
            onChange={set('pricePerDay')}
            error={fieldErr}
          />
          <MoneyField
            label="Price per hour"
            name="pricePerHour"
            value={form.pricePerHour}
            onChange={set('pricePerHour')}
            error={fieldErr}
            hint="With both, a part day is charged by the hour up to a day."
          />
        </div>
        {!fieldErr && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save price'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function QuoteCalculator({ hospitalId }: { hospitalId: number }) {
  const [resourceType, setResourceType] = useState<ResourceType>('beds')
  const [urgency, setUrgency] = useState<Urgency>('medium')
  const [when, setWhen] = useState(toLocalInput(new Date()))
  const [hours, setHours] = useState('24')
  return (
    <article className="card">
      <h2>Quote a stay</h2>
      <div className="form-grid form-grid--2">
        <SelectField
          label="Resource"
          name="quoteResource"
          value={resourceType}
          onChange={(e) => setResourceType(e.target.value as ResourceType)}
        >
          {RESOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {RESOURCE_NAME[t]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Urgency"
          name="quoteUrgency"
          value={urgency}
          onChange={(e) => setUrgency(e.target.value as Urgency)}
        >
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {u[0]!.toUpperCase() + u.slice(1)}
            </option>
          ))}
        </SelectField>
        <Field
          label="From"
          name="quoteFrom"
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
        />
        <Field
          label="Hours"
          name="quoteHours"
          inputMode="numeric"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
        />
      </div>
      <LiveQuote
        hospitalId={hospitalId}
        resourceType={resourceType}
        urgency={urgency}
        scheduledDate={fromLocalInput(when)}
        estimatedDuration={parseTypedNumber(hours)}
      />
    </article>
  )
}

export const PricingScreen = observer(function PricingScreen() {
  const { pricing, session } = useStores()
  const me = session.user!
  const [editing, setEditing] = useState<ResourceType | null>(null)
  useEffect(() => {
    void pricing.start(me.hospitalId)
  }, [pricing, me.hospitalId])

  const mayEdit =
    me.role === 'admin' || (me.role === 'hospital-authority' && me.hospitalId === pricing.hospitalId)
  const hospital = pricing.hospitals.find((h) => h.id === pricing.hospitalId)
  const fixed = me.role === 'hospital-authority'
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Pricing</h1>
          <p className="muted">
            {hospital ? hospital.name : 'Choose a hospital'}: current prices, what is scheduled, and what was
            charged before.
          </p>
        </div>
        <div className="actions">
          {!fixed && pricing.hospitals.length > 0 && (
            <select
              className="input"
              aria-label="Hospital"
              value={pricing.hospitalId ?? ''}
              onChange={(e) => pricing.choose(Number(e.target.value))}
            >
              {pricing.hospitals.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          )}
          {mayEdit && pricing.hospitalId && (
            <button className="btn btn--primary" onClick={() => setEditing('beds')}>
              + New price
            </button>
          )}
        </div>
      </header>
      <ErrorBanner error={pricing.error} />
      {pricing.hospitalId === null && !pricing.error && (
        <div className="empty">There is no hospital to price yet.</div>
      )}
      {pricing.hospitalId !== null && (
        <>
          <div className="cards cards--prices">
            {RESOURCE_TYPES.map((t) => {
              const p = pricing.current[t]
              return (
                <article key={t} className="card price-card" aria-label={`${RESOURCE_NAME[t]} price`}>
                  <header className="price-card__head">
                    <h2>{RESOURCE_NAME[t]}</h2>
                    {mayEdit && (
                      <button className="btn btn--small" onClick={() => setEditing(t)}>
                        Change
                      </button>
                    )}
                  </header>
                  {p ? (
                    <dl className="sums">
                      <dt>Base charge</dt>
                      <dd>{formatMoney(p.basePrice)}</dd>
                      <dt>Per day</dt>
                      <dd>{p.pricePerDay !== null ? formatMoney(p.pricePerDay) : '—'}</dd>
                      <dt>Per hour</dt>
                      <dd>{p.pricePerHour !== null ? formatMoney(p.pricePerHour) : '—'}</dd>
                      <dt>Emergency</dt>
                      <dd>×{p.emergencyMultiplier.toFixed(2)}</dd>
                      <dt>Since</dt>
                      <dd>{fmtDateTime(p.effectiveFrom)}</dd>
                    </dl>
                  ) : (
                    <p className="muted">No price in effect.</p>
                  )}
                </article>
              )
            })}
            <QuoteCalculator hospitalId={pricing.hospitalId} />
          </div>
          <h2 className="section-title">Price history</h2>
          <div className="table-wrap">
            <table className="table" aria-label="Price history">
              <thead>
                <tr>
                  <th>Resource</th>
                  <th className="num">Base</th>
                  <th className="num">Per day</th>
                  <th className="num">Per hour</th>
                  <th className="num">Emergency</th>
                  <th>From</th>
                  <th>To</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {pricing.items.map((p) => (
                  <tr key={p.id}>
                    <td>{RESOURCE_NAME[p.resourceType]}</td>
                    <td className="num">{formatMoney(p.basePrice)}</td>
                    <td className="num">{p.pricePerDay !== null ? formatMoney(p.pricePerDay) : '—'}</td>
                    <td className="num">{p.pricePerHour !== null ? formatMoney(p.pricePerHour) : '—'}</td>
                    <td className="num">×{p.emergencyMultiplier.toFixed(2)}</td>
                    <td className="nowrap">{fmtDateTime(p.effectiveFrom)}</td>
                    <td className="nowrap">{p.effectiveTo ? fmtDateTime(p.effectiveTo) : '—'}</td>
                    <td>
                      <span className={`badge badge--${STATE_BADGE[p.state]}`}>{p.state}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!pricing.loading && pricing.items.length === 0 && (
              <div className="empty">No prices set yet.</div>
            )}
          </div>
        </>
      )}
      {editing && pricing.hospitalId && (
        <SetPriceDialog
          hospitalId={pricing.hospitalId}
          resourceType={editing}
          current={pricing.current[editing]}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  )
})
