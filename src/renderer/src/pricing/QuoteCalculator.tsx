import { useTranslation } from 'react-i18next'
import { fromLocalInput, toLocalInput } from '../../../shared/format'
import { formatDigits, resourceTitle, URGENCY_LABEL } from '../../../shared/labels'
import { parseTypedNumber } from '../../../shared/locale/digits'
import { RESOURCE_TYPES, URGENCIES, type ResourceType, type Urgency } from '../../../shared/schemas'
import { DateTimeField, Field, Options, SelectField, useForm } from '../ui'
import { LiveQuote } from './PricingQuote'

/** A stay priced before anyone books it: what the desk says when a family asks "how much?". */
export function QuoteCalculator({ hospitalId }: { hospitalId: number }) {
  const { t } = useTranslation()
  const form = useForm('pricing.quote', {
    quoteResource: 'beds' as ResourceType,
    quoteUrgency: 'medium' as Urgency,
    quoteFrom: toLocalInput(new Date()),
    quoteHours: formatDigits(24), // in the desk's digits, as the new booking's stay starts
  })
  return (
    <article className="card">
      <h2>{t('pricing.quote.title')}</h2>
      <div className="form-grid form-grid--2">
        <SelectField {...form.bind('quoteResource')}>
          <Options values={RESOURCE_TYPES} label={(r) => resourceTitle(r)} />
        </SelectField>
        <SelectField {...form.bind('quoteUrgency')}>
          <Options values={URGENCIES} label={(u) => URGENCY_LABEL[u]} />
        </SelectField>
        <DateTimeField {...form.bind('quoteFrom')} />
        <Field {...form.bind('quoteHours')} inputMode="numeric" />
      </div>
      <LiveQuote
        hospitalId={hospitalId}
        resourceType={form.values.quoteResource}
        urgency={form.values.quoteUrgency}
        scheduledDate={fromLocalInput(form.values.quoteFrom)}
        estimatedDuration={parseTypedNumber(form.values.quoteHours)}
      />
    </article>
  )
}
