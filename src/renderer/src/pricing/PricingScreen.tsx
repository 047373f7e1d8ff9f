import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PriceRow } from '../../../shared/contract/pricing'
import { formatDateTime } from '../../../shared/format'
import { formatDigits, resourceTitle } from '../../../shared/labels'
import { formatMoney } from '../../../shared/money'
import { RESOURCE_TYPES, type ResourceType } from '../../../shared/schemas'
import { useStores } from '../stores/root'
import { Badge, DataTable, ErrorBanner, Facts, FilterSelect, idChoices, PageHeader, type Column } from '../ui'
import { QuoteCalculator } from './QuoteCalculator'
import { SetPriceDialog } from './SetPriceDialog'

const STATE_TONE = { current: 'success', past: 'neutral', scheduled: 'info' } as const

const orDash = (paisa: number | null) => (paisa !== null ? formatMoney(paisa) : '—')
const times = (multiplier: number) => `×${formatDigits(multiplier.toFixed(2))}`

/** One resource's price in effect, with the button to change it. */
function PriceCard(props: { type: ResourceType; price?: PriceRow; onChange?: () => void }) {
  const { t } = useTranslation()
  const { type, price: p } = props
  const title = resourceTitle(type)
  return (
    <article className="card price-card" aria-label={t('pricing.cardLabel', { resource: title })}>
      <header className="price-card__head">
        <h2>{title}</h2>
        {props.onChange && (
          <button className="btn btn--small" aria-haspopup="dialog" onClick={props.onChange}>
            {t('pricing.change')}
          </button>
        )}
      </header>
      {p ? (
        <Facts
          className="sums"
          rows={[
            [t('pricing.facts.base'), formatMoney(p.basePrice)],
            [t('pricing.facts.perDay'), orDash(p.pricePerDay)],
            [t('pricing.facts.perHour'), orDash(p.pricePerHour)],
            [t('pricing.facts.emergency'), times(p.emergencyMultiplier)],
            [t('pricing.facts.since'), formatDateTime(p.effectiveFrom)],
          ]}
        />
      ) : (
        <p className="muted">{t('pricing.noPrice')}</p>
      )}
    </article>
  )
}

const PriceHistory = observer(function PriceHistory() {
  const { t } = useTranslation()
  const { pricing } = useStores()
  const columns: Column<PriceRow>[] = [
    { header: t('pricing.history.resource'), cell: (p) => resourceTitle(p.resourceType) },
    { header: t('pricing.history.base'), align: 'num', cell: (p) => formatMoney(p.basePrice) },
    { header: t('pricing.history.perDay'), align: 'num', cell: (p) => orDash(p.pricePerDay) },
    { header: t('pricing.history.perHour'), align: 'num', cell: (p) => orDash(p.pricePerHour) },
    { header: t('pricing.history.emergency'), align: 'num', cell: (p) => times(p.emergencyMultiplier) },
    { header: t('pricing.history.from'), align: 'nowrap', cell: (p) => formatDateTime(p.effectiveFrom) },
    {
      header: t('pricing.history.to'),
      align: 'nowrap',
      cell: (p) => (p.effectiveTo ? formatDateTime(p.effectiveTo) : '—'),
    },
    {
      header: t('pricing.history.state'),
      srHeader: true,
      cell: (p) => <Badge tone={STATE_TONE[p.state]}>{t(`pricing.state.${p.state}`)}</Badge>,
    },
  ]
  return (
    <>
      <h2 className="section-title">{t('pricing.history.title')}</h2>
      <DataTable
        label={t('pricing.history.title')}
        columns={columns}
        rows={pricing.items}
        rowKey={(p) => p.id}
        loading={pricing.list.loading}
        error={pricing.list.error}
        onRetry={() => void pricing.load()}
        empty={t('pricing.history.empty')}
      />
    </>
  )
})

/** The Pricing area: one hospital's prices now, a quote calculator, and the price history. */
export const PricingScreen = observer(function PricingScreen() {
  const { t } = useTranslation()
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
      <PageHeader
        title={t('pricing.title')}
        subtitle={t('pricing.subtitle', { hospital: hospital ? hospital.name : t('pricing.chooseHospital') })}
      >
        <div className="actions">
          {!fixed && pricing.hospitals.length > 0 && (
            <FilterSelect
              label={t('pricing.hospital')}
              any={t('pricing.chooseHospital')}
              value={pricing.hospitalId ?? ''}
              {...idChoices(pricing.hospitals)}
              onChange={(id) => id !== '' && pricing.choose(id)}
              wide
            />
          )}
          {mayEdit && pricing.hospitalId && (
            <button className="btn btn--primary" aria-haspopup="dialog" onClick={() => setEditing('beds')}>
              {t('pricing.newPrice')}
            </button>
          )}
        </div>
      </PageHeader>
      {pricing.hospitalId === null && <ErrorBanner error={pricing.error} />}
      {pricing.hospitalId === null && !pricing.error && (
        <div className="empty">{t('pricing.noHospital')}</div>
      )}
      {pricing.hospitalId !== null && (
        <>
          <div className="cards cards--prices">
            {RESOURCE_TYPES.map((type) => (
              <PriceCard
                key={type}
                type={type}
                price={pricing.current[type]}
                onChange={mayEdit ? () => setEditing(type) : undefined}
              />
            ))}
            <QuoteCalculator hospitalId={pricing.hospitalId} />
          </div>
          <PriceHistory />
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
