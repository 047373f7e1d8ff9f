import { useTranslation } from 'react-i18next'
import { WEEKDAYS, type Hospital, type Weekday } from '../../../shared/contract/hospitals'
import { DeskError } from '../../../shared/errors'
import { formatPhone } from '../../../shared/format'
import { asDeskError } from '../api/client'
import { useStores } from '../stores/root'
import { Field, FormDialog, TextAreaField, useForm } from '../ui'
import { optional } from '../ui/forms'

/**
 * Field errors for list and object fields arrive as `specialties.1` or `operatingHours.monday`;
 * shown beside the field itself (the whole list), and the day's own input.
 */
function forFields(err: DeskError): DeskError {
  if (!err.details?.fields) return err
  const fields: Record<string, string> = {}
  for (const [k, v] of Object.entries(err.details.fields)) {
    fields[k] = v
    const head = k.split('.')[0]!
    if (!(head in fields)) fields[head] = v
  }
  return new DeskError(err.code, err.message, { ...err.details, fields })
}

type HoursKey = `operatingHours.${Weekday}`
const hoursKey = (d: Weekday): HoursKey => `operatingHours.${d}`

function initialState(h?: Hospital) {
  const text = (v: string | null | undefined) => v ?? ''
  return {
    name: text(h?.name),
    address: text(h?.address),
    phone: formatPhone(h?.phone),
    email: text(h?.email),
    website: text(h?.website),
    emergencyContact: formatPhone(h?.emergencyContact),
    licenseNumber: text(h?.licenseNumber),
    description: text(h?.description),
    specialties: h?.specialties.join(', ') ?? '',
    facilities: h?.facilities.join(', ') ?? '',
    ...(Object.fromEntries(WEEKDAYS.map((d) => [hoursKey(d), text(h?.operatingHours?.[d])])) as Record<
      HoursKey,
      string
    >),
  }
}

const list = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)

export function HospitalForm({
  hospital,
  onClose,
  onSaved,
}: {
  hospital?: Hospital
  onClose: () => void
  onSaved: (h: Hospital) => void
}) {
  const { t } = useTranslation()
  const { hospitals } = useStores()
  const form = useForm('hospitals.form', () => initialState(hospital))

  const v = form.values
  const { fieldError } = form

  async function submit() {
    const hours = Object.fromEntries(
      WEEKDAYS.filter((d) => v[hoursKey(d)].trim()).map((d) => [d, v[hoursKey(d)].trim()]),
    ) as Partial<Record<Weekday, string>>
    // On an edit an emptied field is cleared (null); on a new hospital it is simply left out.
    const opt = (v: string) => optional(v) ?? (hospital ? null : undefined)
    const fields = {
      name: v.name,
      address: v.address,
      phone: v.phone,
      email: opt(v.email),
      website: opt(v.website),
      emergencyContact: opt(v.emergencyContact),
      licenseNumber: opt(v.licenseNumber),
      description: opt(v.description),
      specialties: list(v.specialties),
      facilities: list(v.facilities),
      operatingHours: Object.keys(hours).length ? hours : hospital ? null : undefined,
    }
    await form.run(async () => {
      try {
        const saved = hospital
          ? await hospitals.update({ id: hospital.id, ...fields })
          : await hospitals.create(fields)
        onSaved(saved)
      } catch (err) {
        throw forFields(asDeskError(err))
      }
    })
  }
  const hoursProblem =
    fieldError?.fieldMessage('operatingHours') && !WEEKDAYS.some((d) => fieldError.fieldMessage(hoursKey(d)))

  return (
    <FormDialog
      title={hospital ? t('hospitals.form.editTitle', { name: hospital.name }) : t('hospitals.form.newTitle')}
      subtitle={hospital ? undefined : t('hospitals.form.newSubtitle')}
      onClose={onClose}
      wide
      onSubmit={submit}
      submit={t(hospital ? 'hospitals.form.save' : 'hospitals.form.register')}
      form={form}
    >
      <div className="form-grid form-grid--two">
        <Field {...form.bind('name')} autoFocus />
        <Field {...form.bind('phone')} inputMode="tel" />
      </div>
      <Field {...form.bind('address')} />
      <div className="form-grid form-grid--two">
        <Field {...form.bind('email')} type="email" />
        <Field {...form.bind('website')} placeholder="https://" />
        <Field {...form.bind('emergencyContact')} inputMode="tel" />
        <Field {...form.bind('licenseNumber')} />
        <Field {...form.bind('specialties')} hint={t('hospitals.form.commas')} />
        <Field {...form.bind('facilities')} hint={t('hospitals.form.commas')} />
      </div>
      <TextAreaField {...form.bind('description')} rows={2} />
      <fieldset className="hours">
        <legend>{t('hospitals.form.hours')}</legend>
        <div className="hours__grid">
          {WEEKDAYS.map((d) => (
            <Field key={d} {...form.bind(hoursKey(d))} placeholder="—" />
          ))}
        </div>
        {hoursProblem && <div className="field__error">{fieldError?.fieldMessage('operatingHours')}</div>}
      </fieldset>
    </FormDialog>
  )
}
