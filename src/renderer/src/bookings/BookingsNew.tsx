import { observer } from 'mobx-react-lite'
import { useEffect, useState, type FormEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { GENDERS } from '../../../shared/contract/bookings'
import { RESOURCE_TYPES, URGENCIES, type ResourceType, type Urgency } from '../../../shared/schemas'
import { DateTimeField, ErrorBanner, Field, SelectField } from '../ui/Field'
import { formatDateTimeEntry, parseDateTimeEntry } from '../../../shared/locale/dateEntry'
import { parseTypedNumber } from '../../../shared/locale/digits'
import { useLive } from '../live/useLive'
import { useStores } from '../stores/root'
import './bookings.css'
import { LiveQuote } from '../pricing/PricingQuote'
import { CountsBar, Legend, PageHeader } from '../ui'
import { formatCount, GENDER_LABEL, resourceTitle, URGENCY_LABEL } from '../../../shared/labels'
import { scheduleProblem } from '../../../shared/format'

function soon(): string {
  const d = new Date(Date.now() + 15 * 60_000)
  d.setMinutes(Math.ceil(d.getMinutes() / 15) * 15, 0, 0)
  return formatDateTimeEntry(d)
}

/** "31/12/2026 14:30" or "2026-12-31 14:30", in either script (this desk's time) as an ISO instant. */
function parseLocal(text: string): string | null {
  return parseDateTimeEntry(text)?.toISOString() ?? null
}

const EMPTY_PATIENT = {
  patientName: '',
  patientAge: '',
  patientGender: '',
  medicalCondition: '',
  urgency: 'medium',
  emergencyContactName: '',
  emergencyContactPhone: '',
  emergencyContactRelationship: '',
}

/** A number typed into a box: a number when it is one, else the text (so the desk names the field). */
function numberOrText(text: string): number | undefined {
  if (text.trim() === '') return undefined
  const n = parseTypedNumber(text)
  return Number.isFinite(n) ? n : (text as unknown as number)
}

/** New booking: built for the keyboard. Tab runs top to bottom, Enter registers, the form resets for the next. */
export const NewBookingScreen = observer(function NewBookingScreen() {
  const { bookings, board, session, ui } = useStores()
  const { t } = useTranslation()
  const user = session.user!
  const tied = user.hospitalId
  const [form, setForm] = useState({
    ...EMPTY_PATIENT,
    hospitalId: tied ? String(tied) : '',
    resourceType: 'beds',
    scheduledDate: soon(),
    // In the user's digits: ২৪ on a Bangla-digit desk, read back by parseTypedNumber like any typed number.
    estimatedDuration: formatCount(24),
  })
  const focusName = () =>
    document.querySelector<HTMLInputElement>('.new-booking [name="patientName"]')?.focus()

  useEffect(() => {
    void bookings.loadHospitals()
    void board.refresh()
    bookings.clearCreated()
    focusName()
  }, [bookings, board])
  // The availability beside the form follows other desks' bookings; what is typed is React state here, untouched.
  useLive(['resources', 'hospitals'], () => Promise.all([board.refresh(), bookings.loadHospitals()]))

  // The first approved hospital, when the desk is not tied to one.
  const firstHospital = bookings.hospitals[0]?.id
  useEffect(() => {
    if (!tied && firstHospital && !form.hospitalId)
      setForm((f) => ({ ...f, hospitalId: String(firstHospital) }))
  }, [tied, firstHospital, form.hospitalId])

  // A field's error shows until that field is edited.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set())
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [k]: e.target.value })
    if (!edited.has(k)) setEdited(new Set([...edited, k]))
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setEdited(new Set())
    const scheduledDate = parseLocal(form.scheduledDate)
    // The form's own word on the date goes with the desk's answer on everything else: one round.
    const dateProblem = scheduledDate
      ? scheduleProblem(new Date(scheduledDate), new Date())
      : t('bookings.form.scheduledProblem')
    const created = await bookings.create(
      {
        hospitalId: numberOrText(form.hospitalId) as number,
        resourceType: form.resourceType as ResourceType,
        patientName: form.patientName,
        patientAge: numberOrText(form.patientAge) as number,
        patientGender: (form.patientGender || undefined) as 'male',
        medicalCondition: form.medicalCondition,
        urgency: form.urgency as Urgency,
        emergencyContactName: form.emergencyContactName,
        emergencyContactPhone: form.emergencyContactPhone,
        emergencyContactRelationship: form.emergencyContactRelationship,
        scheduledDate: scheduledDate ?? '',
        estimatedDuration: numberOrText(form.estimatedDuration),
      },
      dateProblem ? { scheduledDate: dateProblem } : undefined,
    )
    if (created) {
      setForm((f) => ({ ...f, ...EMPTY_PATIENT }))
      focusName()
    } else {
      // Put the cursor on the first field the desk refused.
      const field = bookings.createError?.details?.field
      if (field) document.querySelector<HTMLElement>(`.new-booking [name="${field}"]`)?.focus()
    }
  }

  const error = bookings.createError
  const fieldError = error?.details?.fields ? error : null
  const err = (name: string) => (edited.has(name) ? null : fieldError)
  const hospitalId = Number(form.hospitalId)
  const type = form.resourceType as ResourceType
  const counts = hospitalId ? board.resource(hospitalId, type) : undefined
  const hospitalName = bookings.hospitals.find((h) => h.id === hospitalId)?.name
  const created = bookings.lastCreated

  return (
    <section className="page new-booking">
      <PageHeader
        title={t('bookings.form.title')}
        subtitle={
          <>
            <Trans i18nKey="bookings.form.intro" components={{ kbd: <kbd /> }} />
          </>
        }
      />

      {created && (
        <div className="banner banner--success created" role="status">
          <strong className="mono" data-testid="created-reference">
            {created.bookingReference}
          </strong>{' '}
          {t('bookings.form.created', { name: created.patientName, hospital: created.hospitalName })}
          <button
            className="btn btn--small"
            onClick={() => {
              void bookings.open(created.id)
              ui.go('bookings')
            }}
          >
            {t('bookings.form.openBooking')}
          </button>
        </div>
      )}

      <div className="new-booking__layout">
        <form className="card" onSubmit={submit} noValidate aria-label={t('bookings.form.title')}>
          <h2>{t('bookings.form.patient')}</h2>
          <div className="bk-grid">
            <div className="span-2">
              <Field
                label={t('bookings.form.patientName')}
                name="patientName"
                value={form.patientName}
                onChange={set('patientName')}
                error={err('patientName')}
                autoComplete="off"
                hint={t('bookings.form.patientNameHint')}
              />
            </div>
            <Field
              label={t('bookings.form.age')}
              name="patientAge"
              inputMode="numeric"
              value={form.patientAge}
              onChange={set('patientAge')}
              error={err('patientAge')}
              autoComplete="off"
              hint={t('bookings.form.ageHint')}
            />
            <SelectField
              label={t('bookings.form.gender')}
              name="patientGender"
              value={form.patientGender}
              onChange={set('patientGender')}
              error={err('patientGender')}
            >
              <option value="">{t('bookings.form.choose')}</option>
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {GENDER_LABEL[g]}
                </option>
              ))}
            </SelectField>
            <div className="span-3">
              <Field
                label={t('bookings.form.condition')}
                name="medicalCondition"
                value={form.medicalCondition}
                onChange={set('medicalCondition')}
                error={err('medicalCondition')}
                autoComplete="off"
              />
            </div>
            <SelectField
              label={t('bookings.form.urgency')}
              name="urgency"
              value={form.urgency}
              onChange={set('urgency')}
              error={err('urgency')}
            >
              {URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {URGENCY_LABEL[u]}
                </option>
              ))}
            </SelectField>
          </div>

          <h2>{t('bookings.form.whereWhen')}</h2>
          <div className="bk-grid">
            <div className="span-2">
              <SelectField
                label={t('bookings.form.hospital')}
                name="hospitalId"
                value={form.hospitalId}
                onChange={set('hospitalId')}
                error={err('hospitalId')}
                disabled={!!tied}
              >
                {!form.hospitalId && <option value="">{t('bookings.form.choose')}</option>}
                {bookings.hospitals.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="span-2">
              <SelectField
                label={t('bookings.form.resource')}
                name="resourceType"
                value={form.resourceType}
                onChange={set('resourceType')}
                error={err('resourceType')}
              >
                {RESOURCE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {resourceTitle(t, 'one')}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="span-2">
              <DateTimeField
                label={t('bookings.form.scheduled')}
                name="scheduledDate"
                value={form.scheduledDate}
                onChange={set('scheduledDate')}
                error={err('scheduledDate')}
                autoComplete="off"
                hint={t('bookings.form.scheduledHint')}
              />
            </div>
            <div className="span-2">
              <Field
                label={t('bookings.form.stay')}
                name="estimatedDuration"
                inputMode="numeric"
                value={form.estimatedDuration}
                onChange={set('estimatedDuration')}
                error={err('estimatedDuration')}
                hint={t('bookings.form.stayHint')}
              />
            </div>
          </div>

          <h2>{t('bookings.form.contact')}</h2>
          <div className="bk-grid">
            <div className="span-2">
              <Field
                label={t('bookings.form.contactName')}
                name="emergencyContactName"
                value={form.emergencyContactName}
                onChange={set('emergencyContactName')}
                error={err('emergencyContactName')}
                autoComplete="off"
              />
            </div>
            <Field
              label={t('bookings.form.contactPhone')}
              name="emergencyContactPhone"
              type="tel"
              value={form.emergencyContactPhone}
              onChange={set('emergencyContactPhone')}
              error={err('emergencyContactPhone')}
              autoComplete="off"
              hint={t('bookings.form.contactPhoneHint')}
            />
            <Field
              label={t('bookings.form.relationship')}
              name="emergencyContactRelationship"
              value={form.emergencyContactRelationship}
              onChange={set('emergencyContactRelationship')}
              error={err('emergencyContactRelationship')}
              autoComplete="off"
              hint={t('bookings.form.relationshipHint')}
            />
          </div>
          {!fieldError && <ErrorBanner error={error} />}
          <div className="actions form-actions">
            <button className="btn btn--primary" type="submit" disabled={bookings.busy}>
              {bookings.busy ? t('bookings.form.registering') : t('bookings.form.register')}
            </button>
            <span className="muted">
              <Trans i18nKey="bookings.form.orPress" components={{ kbd: <kbd /> }} />
            </span>
          </div>
        </form>

        <aside className="card availability" aria-label={t('bookings.availability.label')}>
          <h2>{t('bookings.availability.title')}</h2>
          {counts ? (
            <>
              <div className="availability__hospital">{hospitalName ?? counts.hospitalName}</div>
              <div className="big-number">
                <Trans
                  i18nKey="bookings.availability.freeOf"
                  values={{
                    available: formatCount(counts.available),
                    resources: resourceTitle(type).toLowerCase(),
                    total: formatCount(counts.total),
                  }}
                  components={{
                    n: (
                      <strong
                        data-testid="form-available"
                        className={counts.available === 0 ? 'none-left' : undefined}
                      />
                    ),
                  }}
                />
              </div>
              <CountsBar counts={counts} label={resourceTitle(type)} />
              <Legend />
              <dl className="facts availability__facts">
                <dt>{t('bookings.availability.reserved')}</dt>
                <dd>{formatCount(counts.reserved)}</dd>
                <dt>{t('bookings.availability.occupied')}</dt>
                <dd>{formatCount(counts.occupied)}</dd>
                <dt>{t('bookings.availability.maintenance')}</dt>
                <dd>{formatCount(counts.maintenance)}</dd>
              </dl>
              {counts.available === 0 && (
                <div className="banner banner--warning">{t('bookings.availability.noneFree')}</div>
              )}
            </>
          ) : (
            <p className="muted">{t('bookings.availability.choose')}</p>
          )}
          {/* Money (issue 7): what this stay will cost, recomputed as the form changes. */}
          <LiveQuote
            bare
            hospitalId={hospitalId || null}
            resourceType={type}
            urgency={form.urgency as Urgency}
            scheduledDate={parseLocal(form.scheduledDate)}
            estimatedDuration={parseTypedNumber(form.estimatedDuration)}
          />
        </aside>
      </div>
    </section>
  )
})
