/**
 * The live quote: what a stay will cost, recomputed as the booking form changes. The booking form
 * renders <LiveQuote … /> with its current values; nothing else about that form changes.
 */
import { useEffect, useState } from 'react'
import type { QuoteBreakdown } from '../../../shared/contract/pricing'
import { formatMoney } from '../../../shared/money'
import type { ResourceType, Urgency } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'
import '../payments/money.css'

export function QuoteLines({ quote, title = 'Estimate' }: { quote: QuoteBreakdown; title?: string }) {
  const d = quote.durationDetail
  const parts: string[] = []
  if (d.days) parts.push(`${d.days} day${d.days === 1 ? '' : 's'} × ${formatMoney(d.pricePerDay ?? 0)}`)
  if (d.hours) parts.push(`${d.hours} hour${d.hours === 1 ? '' : 's'} × ${formatMoney(d.pricePerHour ?? 0)}`)
  return (
    <div className="quote" aria-label={title}>
      <dl className="quote__lines">
        <dt>Base charge</dt>
        <dd>{formatMoney(quote.basePrice)}</dd>
        <dt>
          {quote.hours} hour{quote.hours === 1 ? '' : 's'}
          {parts.length > 0 && <span className="muted small"> ({parts.join(' + ')})</span>}
        </dt>
        <dd>{formatMoney(quote.durationPart)}</dd>
        {quote.multiplier !== 1 && (
          <>
            <dt>Emergency ×{quote.multiplier.toFixed(2)}</dt>
            <dd>+{formatMoney(quote.emergencySurcharge)}</dd>
          </>
        )}
      </dl>
      <div className="quote__total">
        <span>{title}</span>
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
  const [quote, setQuote] = useState<QuoteBreakdown | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  // What the quote still needs, in words: never "choose the hospital" once it is chosen.
  const missing = [
    !hospitalId && 'the hospital',
    !resourceType && 'the resource',
    !scheduledDate && 'a valid date and time',
    !(
      !!estimatedDuration &&
      Number.isInteger(estimatedDuration) &&
      estimatedDuration >= 1 &&
      estimatedDuration <= 8760
    ) && 'a stay of 1 to 8760 hours',
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
      aria-label="Price estimate"
      data-testid="live-quote"
    >
      <h3>Price estimate</h3>
      {!ready ? (
        <p className="muted small">
          To see the price, give {missing.slice(0, -1).join(', ')}
          {missing.length > 1 ? ' and ' : ''}
          {missing[missing.length - 1]}.
        </p>
      ) : problem ? (
        <p className="muted small">{problem}</p>
      ) : quote ? (
        <QuoteLines quote={quote} />
      ) : (
        <p className="muted small">Working it out…</p>
      )}
    </section>
  )
}
