/**
 * The live quote: what a stay will cost, recomputed as the booking form changes. The booking form
 * renders <LiveQuote … /> with its current values; nothing else about that form changes.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuoteBreakdown } from '../../../shared/contract/pricing'
import { formatDigits } from '../../../shared/labels'
import { formatMoney } from '../../../shared/money'
import type { ResourceType, Urgency } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'
import '../payments/money.css'

export function QuoteLines({ quote, title }: { quote: QuoteBreakdown; title?: string }) {
  const { t } = useTranslation()
  const heading = title ?? t('pricing.quote.estimate')
  const d = quote.durationDetail
  const parts: string[] = []
  if (d.days) parts.push(`${t('pricing.quote.days', { count: d.days })} × ${formatMoney(d.pricePerDay ?? 0)}`)
  if (d.hours)
    parts.push(`${t('pricing.quote.hours', { count: d.hours })} × ${formatMoney(d.pricePerHour ?? 0)}`)
  return (
    <div className="quote" aria-label={heading}>
      <dl className="quote__lines">
        <dt>{t('pricing.quote.base')}</dt>
        <dd>{formatMoney(quote.basePrice)}</dd>
        <dt>
          {t('pricing.quote.hours', { count: quote.hours })}
          {parts.length > 0 && <span className="muted small"> ({parts.join(' + ')})</span>}
        </dt>
        <dd>{formatMoney(quote.durationPart)}</dd>
        {quote.multiplier !== 1 && (
          <>
            <dt>{t('pricing.quote.emergency', { multiplier: formatDigits(quote.multiplier.toFixed(2)) })}</dt>
            <dd>+{formatMoney(quote.emergencySurcharge)}</dd>
          </>
        )}
      </dl>
      <div className="quote__total">
        <span>{heading}</span>
        <strong data-testid="quote-total">{formatMoney(quote.total)}</strong>
      </div>
    </div>
  )
}

export function LiveQuote(props: {
  hospitalId: number | null | undefined
  resourceType: ResourceType | '' | null | undefined
  urgency: Urgency
  /** ISO date-time. */
  scheduledDate: string | null | undefined
  estimatedDuration: number | null | undefined
  /** Without its own card: a section inside another card (the booking form's side panel). */
  bare?: boolean
}) {
  const { hospitalId, resourceType, urgency, scheduledDate, estimatedDuration } = props
  const { t } = useTranslation()
  const [quote, setQuote] = useState<QuoteBreakdown | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  // What the quote still needs, in words: never "choose the hospital" once it is chosen.
  const missing = [
    !hospitalId && t('pricing.quote.needHospital'),
    !resourceType && t('pricing.quote.needResource'),
    !scheduledDate && t('pricing.quote.needDate'),
    !(
      !!estimatedDuration &&
      Number.isInteger(estimatedDuration) &&
      estimatedDuration >= 1 &&
      estimatedDuration <= 8760
    ) && t('pricing.quote.needStay'),
  ].filter((m): m is string => !!m)
  const ready = missing.length === 0

  useEffect(() => {
    if (!ready) return
    let live = true
    const timer = setTimeout(() => {
      call('pricing.quote', {
        hospitalId: hospitalId!,
        resourceType: resourceType as ResourceType,
        urgency,
        scheduledDate: scheduledDate!,
        estimatedDuration: estimatedDuration!,
      }).then(
        (q) => {
          if (!live) return
          setQuote(q)
          setProblem(null)
        },
        (err: unknown) => {
          if (!live) return
          setQuote(null)
          setProblem(asDeskError(err).message)
        },
      )
    }, 200)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [ready, hospitalId, resourceType, urgency, scheduledDate, estimatedDuration])

  return (
    <section
      className={props.bare ? 'quote-section' : 'card quote-card'}
      aria-live="polite"
      aria-label={t('pricing.quote.heading')}
      data-testid="live-quote"
    >
      <h3>{t('pricing.quote.heading')}</h3>
      {!ready ? (
        <p className="muted small">
          {t('pricing.quote.needs', {
            list:
              missing.slice(0, -1).join(', ') +
              (missing.length > 1 ? t('pricing.quote.and') : '') +
              missing[missing.length - 1],
          })}
        </p>
      ) : problem ? (
        <p className="muted small">{problem}</p>
      ) : quote ? (
        <QuoteLines quote={quote} />
      ) : (
        <p className="muted small">{t('pricing.quote.working')}</p>
      )}
    </section>
  )
}
