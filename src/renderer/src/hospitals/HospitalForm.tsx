import { useState, type FormEvent } from 'react'
import { WEEKDAYS, type Hospital, type Weekday } from '../../../shared/contract/hospitals'
import { DeskError } from '../../../shared/errors'
import { asDeskError } from '../api/client'
import { useStores } from '../stores/root'
import { Dialog, ErrorBanner, Field, TextAreaField } from '../ui'
import { optional } from '../ui/forms'

/**
 * Field errors for list and object fields arrive as `specialties.1` or `operatingHours.monday`;
 * shown beside the field itself (the whole list), and the day's own input.
 */
function forFields(err: DeskError | null): DeskError | null {
  if (!err?.details?.fields) return err
  const fields: Record<string, string> = {}
  for (const [k, v] of Object.entries(err.details.fields)) {
    fields[k] = v
    const head = k.split('.')[0]!
    if (!(head in fields)) fields[head] = v
  }
  return new DeskError(err.code, err.message, { ...err.details, fields })
}

interface FormState {
  name: string
  address: string
  phone: string
  email: string
  website: string
  emergencyContact: string
  licenseNumber: string
  description: string
  specialties: string
  facilities: string
  hours: Record<Weekday, string>
}

function initialState(h?: Hospital): FormState {
  const hours = Object.fromEntries(WEEKDAYS.map((d) => [d, h?.operatingHours?.[d] ?? ''])) as Record<
    Weekday,
    string
  >
  return {
    name: h?.name ?? '',
    address: h?.address ?? '',
    phone: h?.phone ?? '',
    email: h?.email ?? '',
    website: h?.website ?? '',
    emergencyContact: h?.emergencyContact ?? '',
    licenseNumber: h?.licenseNumber ?? '',
    description: h?.description ?? '',
    specialties: h?.specialties.join(', ') ?? '',
    facilities: h?.facilities.join(', ') ?? '',
    hours,
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
  const { hospitals } = useStores()
  const [form, setForm] = useState<FormState>(() => initialState(hospital))
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: Exclude<keyof FormState, 'hours'>) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value })

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const hours = Object.fromEntries(
      WEEKDAYS.filter((d) => form.hours[d].trim()).map((d) => [d, form.hours[d].trim()]),
    ) as Partial<Record<Weekday, string>>
    // On an edit an emptied field is cleared (null); on a new hospital it is simply left out.
    const opt = (v: string) => optional(v) ?? (hospital ? null : undefined)
    const fields = {
      name: form.name,
      address: form.address,
      phone: form.phone,
      email: opt(form.email),
      website: opt(form.website),
      emergencyContact: opt(form.emergencyContact),
      licenseNumber: opt(form.licenseNumber),
      description: opt(form.description),
      specialties: list(form.specialties),
      facilities: list(form.facilities),
      operatingHours: Object.keys(hours).length ? hours : hospital ? null : undefined,
    }
    try {
      const saved = hospital
        ? await hospitals.update({ id: hospital.id, ...fields })
        : await hospitals.create(fields)
      onSaved(saved)
    } catch (err) {
      setError(forFields(asDeskError(err)))
      setBusy(false)
    }
  }
  const fieldError = error?.details?.fields ? error : null

  return (
    <Dialog
      title={hospital ? `Edit ${hospital.name}` : 'Register a hospital'}
      subtitle={hospital ? undefined : 'It starts as pending, with no resources, until you approve it.'}
      onClose={busy ? () => {} : onClose}
      wide
    >
      <form onSubmit={submit} noValidate>
        <div className="form-grid form-grid--two">
          <Field
            label="Name"
            name="name"
            value={form.name}
            onChange={set('name')}
            error={fieldError}
            autoFocus
          />
          <Field
            label="Phone"
            name="phone"
            value={form.phone}
            onChange={set('phone')}
            error={fieldError}
            inputMode="tel"
          />
        </div>
        <Field
          label="Address"
          name="address"
          value={form.address}
          onChange={set('address')}
          error={fieldError}
        />
        <div className="form-grid form-grid--two">
          <Field
            label="Email"
            name="email"
            type="email"
            value={form.email}
            onChange={set('email')}
            error={fieldError}
          />
          <Field
            label="Website"
            name="website"
            value={form.website}
            onChange={set('website')}
            error={fieldError}
            placeholder="https://"
          />
          <Field
            label="Emergency contact"
            name="emergencyContact"
            value={form.emergencyContact}
            onChange={set('emergencyContact')}
            error={fieldError}
            inputMode="tel"
          />
          <Field
            label="Licence number"
            name="licenseNumber"
            value={form.licenseNumber}
            onChange={set('licenseNumber')}
            error={fieldError}
          />
          <Field
            label="Specialties"
            name="specialties"
            value={form.specialties}
            onChange={set('specialties')}
            error={fieldError}
            hint="Separate with commas."
          />
          <Field
            label="Facilities"
            name="facilities"
            value={form.facilities}
            onChange={set('facilities')}
            error={fieldError}
            hint="Separate with commas."
          />
        </div>
        <TextAreaField
          label="Description"
          name="description"
          value={form.description}
          onChange={set('description')}
          error={fieldError}
          rows={2}
        />
        <fieldset className="hours">
          <legend>Opening hours</legend>
          <div className="hours__grid">
            {WEEKDAYS.map((d) => (
              <Field
                key={d}
                label={d[0]!.toUpperCase() + d.slice(1, 3)}
                name={`operatingHours.${d}`}
                value={form.hours[d]}
                placeholder="—"
                onChange={(e) => setForm({ ...form, hours: { ...form.hours, [d]: e.target.value } })}
                error={fieldError}
              />
            ))}
          </div>
          {fieldError?.fieldMessage('operatingHours') &&
            !WEEKDAYS.some((d) => fieldError.fieldMessage(`operatingHours.${d}`)) && (
              <div className="field__error">{fieldError.fieldMessage('operatingHours')}</div>
            )}
        </fieldset>
        {error && !fieldError && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Saving…' : hospital ? 'Save changes' : 'Register hospital'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
