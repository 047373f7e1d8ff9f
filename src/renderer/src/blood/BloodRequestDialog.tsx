import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BLOOD_TYPES, type BloodType } from '../../../shared/contract/blood'
import type { Hospital } from '../../../shared/contract/hospitals'
import { fromLocalInput, toLocalInput } from '../../../shared/format'
import { formatDigits, URGENCY_LABEL } from '../../../shared/labels'
import { parseTypedNumber } from '../../../shared/locale/digits'
import { URGENCIES, type Urgency } from '../../../shared/schemas'
import { call } from '../api/client'
import { useStores } from '../stores/root'
import { DateTimeField, Field, FormDialog, Options, SelectField, TextAreaField, useForm } from '../ui'
import { optional } from '../ui/forms'

/** How far ahead a new request is needed by default: a half day is what wards usually ask. */
const DEFAULT_LEAD_MS = 12 * 3_600_000

export function BloodRequestDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { blood, session } = useStores()
  const me = session.user!
  const [hospitals, setHospitals] = useState<Hospital[]>([])
  const form = useForm('blood.form', {
    patientName: '',
    bloodType: '' as BloodType | '',
    unitsNeeded: formatDigits(1),
    urgency: 'high' as Urgency,
    hospitalId: me.hospitalId ? String(me.hospitalId) : '',
    contactPhone: '',
    location: '',
    medicalCondition: '',
    requiredBy: toLocalInput(new Date(Date.now() + DEFAULT_LEAD_MS)),
    notes: '',
  })
  useEffect(() => {
    void call('hospitals.list', { limit: 500 }).then(
      (r) => setHospitals(r.items),
      () => setHospitals([]),
    )
  }, [])

  const v = form.values

  async function submit() {
    await form.run(async () => {
      await blood.create({
        patientName: v.patientName,
        bloodType: v.bloodType as BloodType,
        unitsNeeded: parseTypedNumber(v.unitsNeeded),
        urgency: v.urgency,
        hospitalId: v.hospitalId ? Number(v.hospitalId) : null,
        contactPhone: v.contactPhone,
        location: v.location,
        medicalCondition: optional(v.medicalCondition),
        requiredBy: fromLocalInput(v.requiredBy),
        notes: optional(v.notes),
      })
      onClose()
    })
  }
  return (
    <FormDialog
      title={t('blood.form.title')}
      onClose={onClose}
      wide
      onSubmit={submit}
      submit={t('blood.form.create')}
      form={form}
    >
      <div className="form-grid">
        <Field {...form.bind('patientName')} autoFocus />
        <SelectField {...form.bind('bloodType')}>
          <option value="">{t('ui.form.choose')}</option>
          <Options values={BLOOD_TYPES} label={(b) => b} />
        </SelectField>
        <Field {...form.bind('unitsNeeded')} inputMode="numeric" hint={t('blood.form.unitsHint')} />
        <SelectField {...form.bind('urgency')}>
          <Options values={URGENCIES} label={(u) => URGENCY_LABEL[u]} />
        </SelectField>
        <SelectField {...form.bind('hospitalId')} disabled={me.role === 'hospital-authority'}>
          <option value="">{t('blood.form.notAtHospital')}</option>
          <Options values={hospitals} value={(h) => h.id} label={(h) => h.name} />
        </SelectField>
        <DateTimeField {...form.bind('requiredBy')} />
        <Field {...form.bind('contactPhone')} type="tel" />
        <Field {...form.bind('location')} placeholder={t('blood.form.locationHint')} />
      </div>
      <Field {...form.bind('medicalCondition')} />
      <TextAreaField {...form.bind('notes')} rows={2} />
    </FormDialog>
  )
}
