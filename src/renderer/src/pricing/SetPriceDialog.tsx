import { useTranslation } from 'react-i18next'
import type { PriceRow } from '../../../shared/contract/pricing'
import { fromLocalInput, toLocalInput } from '../../../shared/format'
import { formatDigits, resourceTitle } from '../../../shared/labels'
import { parseTypedNumber } from '../../../shared/locale/digits'
import { moneyInputText } from '../../../shared/money'
import { RESOURCE_TYPES, type ResourceType } from '../../../shared/schemas'
import { readMoneyOrZero } from '../payments/PaymentsUi'
import { formProblems } from '../ui/forms'
import { useStores } from '../stores/root'
import { DateTimeField, Field, FormDialog, MoneyField, Options, SelectField, useForm } from '../ui'

/** The multiplier a new price starts with when there is none to copy: the usual emergency rate. */
const USUAL_MULTIPLIER = '1.50'

export function SetPriceDialog(props: {
  hospitalId: number
  resourceType: ResourceType
  current?: PriceRow
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { pricing } = useStores()
  const { current, onClose } = props
  // The boxes start in the desk's digits, as every number box does; either digits are read back.
  const money = (paisa: number | null | undefined) => (paisa ? formatDigits(moneyInputText(paisa)) : '')
  const form = useForm('pricing.form', {
    resourceType: props.resourceType,
    basePrice: current ? formatDigits(moneyInputText(current.basePrice)) : '',
    pricePerDay: money(current?.pricePerDay),
    pricePerHour: money(current?.pricePerHour),
    emergencyMultiplier: formatDigits(current ? current.emergencyMultiplier.toFixed(2) : USUAL_MULTIPLIER),
    effectiveFrom: toLocalInput(new Date()),
  })

  const v = form.values

  /** An optional amount: empty is no price of that kind (null). */
  function optionalMoney(field: 'pricePerDay' | 'pricePerHour') {
    return v[field].trim() ? readMoneyOrZero(field, v[field]) : { paisa: null }
  }

  async function submit() {
    const base = readMoneyOrZero('basePrice', v.basePrice || '0')
    const perDay = optionalMoney('pricePerDay')
    const perHour = optionalMoney('pricePerHour')
    const multiplier = parseTypedNumber(v.emergencyMultiplier)
    const problems = formProblems({
      basePrice: 'error' in base && base.error.fieldMessage('basePrice'),
      pricePerDay: 'error' in perDay && perDay.error.fieldMessage('pricePerDay'),
      pricePerHour: 'error' in perHour && perHour.error.fieldMessage('pricePerHour'),
      emergencyMultiplier:
        (!v.emergencyMultiplier.trim() || Number.isNaN(multiplier)) && t('pricing.form.multiplierBad'),
    })
    if (problems) return form.setError(problems)
    await form.run(async () => {
      await pricing.set({
        hospitalId: props.hospitalId,
        resourceType: v.resourceType,
        basePrice: 'paisa' in base ? base.paisa : 0,
        pricePerDay: 'paisa' in perDay ? perDay.paisa : null,
        pricePerHour: 'paisa' in perHour ? perHour.paisa : null,
        emergencyMultiplier: multiplier,
        effectiveFrom: fromLocalInput(v.effectiveFrom),
      })
      onClose()
    })
  }
  return (
    <FormDialog
      title={t('pricing.form.title')}
      subtitle={t('pricing.form.subtitle')}
      onClose={onClose}
      wide
      onSubmit={submit}
      submit={t('pricing.form.save')}
      form={form}
    >
      <div className="form-grid form-grid--2">
        <SelectField {...form.bind('resourceType')}>
          <Options values={RESOURCE_TYPES} label={(r) => resourceTitle(r)} />
        </SelectField>
        <DateTimeField {...form.bind('effectiveFrom')} />
        <MoneyField {...form.bind('basePrice')} hint={t('pricing.form.baseHint')} />
        <Field
          {...form.bind('emergencyMultiplier')}
          inputMode="decimal"
          hint={t('pricing.form.multiplierHint')}
        />
        <MoneyField {...form.bind('pricePerDay')} />
        <MoneyField {...form.bind('pricePerHour')} hint={t('pricing.form.perHourHint')} />
      </div>
    </FormDialog>
  )
}
