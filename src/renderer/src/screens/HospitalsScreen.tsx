import { observer } from 'mobx-react-lite'
import { useEffect, useState, type FormEvent } from 'react'
import { HOSPITAL_STATUSES, WEEKDAYS, type Hospital, type Weekday } from '../../../shared/contract/hospitals'
import { DeskError } from '../../../shared/errors'
import { asDeskError } from '../api/client'
import { ErrorBanner, Field, TextAreaField } from '../components/Form'
import { useStores } from '../stores/root'
import { HOSPITALS_PAGE } from '../stores/hospitals'
import { Dialog, formatDate, formatDateTime, HospitalStatusBadge, optional, Pager } from './AdminUi'
import { ResourcePanel } from './ResourcesScreen'
import { formatPhone } from '../../../shared/phone'

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

/** The Hospitals area (admin): the list, or one hospital in detail. */
export const HospitalsScreen = observer(function HospitalsScreen() {
  const { hospitals } = useStores()
  useEffect(() => {
    void hospitals.load()
  }, [hospitals])
  return hospitals.current ? <HospitalDetail hospital={hospitals.current} /> : <HospitalList />
})

const HospitalList = observer(function HospitalList() {
  const { hospitals } = useStores()
  const [creating, setCreating] = useState(false)
  const [search, setSearch] = useState(hospitals.search)
  useEffect(() => {
    if (search === hospitals.search) return
    const t = setTimeout(() => hospitals.setSearch(search), 250)
    return () => clearTimeout(t)
  }, [search, hospitals])

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Hospitals</h1>
          <p className="muted">Register hospitals, review them, and keep their details current.</p>
        </div>
        <button className="btn btn--primary" onClick={() => setCreating(true)}>
          Register hospital
        </button>
      </header>
      <div className="toolbar">
        <input
          className="input"
          type="search"
          placeholder="Search by name or address"
          aria-label="Search hospitals"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div className="segmented" role="group" aria-label="Status">
          {(['', ...HOSPITAL_STATUSES] as const).map((s) => (
            <button
              key={s || 'all'}
              className={`segmented__item${hospitals.status === s ? ' is-active' : ''}`}
              aria-pressed={hospitals.status === s}
              onClick={() => hospitals.setStatus(s)}
            >
              {s ? s[0]!.toUpperCase() + s.slice(1) : 'All'}
            </button>
          ))}
        </div>
      </div>
      <ErrorBanner error={hospitals.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Hospital</th>
              <th>Phone</th>
              <th>Licence</th>
              <th>Status</th>
              <th>Registered</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {hospitals.items.map((h) => (
              <tr key={h.id} className="is-clickable" onClick={() => hospitals.open(h)}>
                <td>
                  <div className="cell-title">{h.name}</div>
                  <div className="cell-sub">{h.address}</div>
                </td>
                <td>{formatPhone(h.phone)}</td>
                <td>{h.licenseNumber ?? <span className="muted">—</span>}</td>
                <td>
                  <HospitalStatusBadge status={h.status} />
                </td>
                <td>{formatDate(h.createdAt)}</td>
                <td className="num">
                  <button
                    className="btn btn--small"
                    onClick={(e) => {
                      e.stopPropagation()
                      hospitals.open(h)
                    }}
                  >
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {hospitals.items.length === 0 && !hospitals.loading && (
          <div className="empty">
            {hospitals.search || hospitals.status
              ? 'No hospital matches these filters.'
              : 'No hospitals yet. Register the first one.'}
          </div>
        )}
      </div>
      <Pager
        offset={hospitals.offset}
        limit={HOSPITALS_PAGE}
        total={hospitals.total}
        onPage={(o) => hospitals.page(o)}
        noun="hospitals"
      />
      {creating && (
        <HospitalForm
          onClose={() => setCreating(false)}
          onSaved={(h) => {
            setCreating(false)
            hospitals.open(h)
          }}
        />
      )}
    </section>
  )
})

type Decision = 'approve' | 'reject' | 'suspend'

const HospitalDetail = observer(function HospitalDetail({ hospital: h }: { hospital: Hospital }) {
  const { hospitals, resources } = useStores()
  const [editing, setEditing] = useState(false)
  const [deciding, setDeciding] = useState<Decision | null>(null)
  useEffect(() => {
    resources.choose(h.id)
  }, [resources, h.id])
  const hours = h.operatingHours ?? {}

  return (
    <section className="page">
      <button className="btn btn--ghost btn--small back-link" onClick={() => hospitals.open(null)}>
        ← All hospitals
      </button>
      <header className="page__header">
        <div>
          <h1 className="title-with-badge">
            {h.name} <HospitalStatusBadge status={h.status} />
          </h1>
          <p className="muted">{h.address}</p>
        </div>
        <div className="actions">
          <button className="btn" onClick={() => setEditing(true)}>
            Edit details
          </button>
          {h.status === 'pending' && (
            <button className="btn" onClick={() => setDeciding('reject')}>
              Reject
            </button>
          )}
          {h.status === 'approved' && (
            <button className="btn btn--danger" onClick={() => setDeciding('suspend')}>
              Suspend
            </button>
          )}
          {h.status !== 'approved' && (
            <button className="btn btn--primary" onClick={() => setDeciding('approve')}>
              {h.status === 'pending' ? 'Approve' : 'Approve again'}
            </button>
          )}
        </div>
      </header>
      {h.status === 'rejected' && h.rejectionReason && (
        <div className="banner banner--danger">Rejected: {h.rejectionReason}</div>
      )}
      {h.status === 'suspended' && (
        <div className="banner banner--warning">
          Suspended: this hospital takes no bookings until approved again.
        </div>
      )}
      <div className="cards hospital-cards">
        <article className="card">
          <h2>Contact</h2>
          <dl className="facts facts--narrow">
            <dt>Phone</dt>
            <dd>{formatPhone(h.phone)}</dd>
            <dt>Emergency</dt>
            <dd>{h.emergencyContact ? formatPhone(h.emergencyContact) : '—'}</dd>
            <dt>Email</dt>
            <dd>{h.email ?? '—'}</dd>
            <dt>Website</dt>
            <dd>{h.website ?? '—'}</dd>
            <dt>Licence</dt>
            <dd>{h.licenseNumber ?? '—'}</dd>
          </dl>
        </article>
        <article className="card">
          <h2>Care</h2>
          {h.description && <p className="hospital-description">{h.description}</p>}
          <h3>Specialties</h3>
          <Tags items={h.specialties} empty="None listed" />
          <h3>Facilities</h3>
          <Tags items={h.facilities} empty="None listed" />
        </article>
        <article className="card">
          <h2>Opening hours</h2>
          {Object.keys(hours).length === 0 ? (
            <p className="muted">Not given.</p>
          ) : (
            <dl className="facts facts--narrow">
              {WEEKDAYS.filter((d) => hours[d]).map((d) => (
                <div key={d} className="facts__row">
                  <dt>{d[0]!.toUpperCase() + d.slice(1)}</dt>
                  <dd>{hours[d]}</dd>
                </div>
              ))}
            </dl>
          )}
          <h2 className="spaced">Review</h2>
          <dl className="facts facts--narrow">
            <dt>Registered</dt>
            <dd>{formatDateTime(h.createdAt)}</dd>
            <dt>Approved</dt>
            <dd>{h.approvedAt ? formatDateTime(h.approvedAt) : '—'}</dd>
          </dl>
        </article>
      </div>
      <h2 className="section-title">Resources</h2>
      <ResourcePanel />
      {editing && (
        <HospitalForm hospital={h} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {deciding && <DecisionDialog hospital={h} decision={deciding} onClose={() => setDeciding(null)} />}
    </section>
  )
})

function Tags({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p className="muted tags-empty">{empty}</p>
  return (
    <ul className="tags">
      {items.map((t) => (
        <li key={t} className="tag">
          {t}
        </li>
      ))}
    </ul>
  )
}

const DECISION_TEXT: Record<Decision, { title: string; body: string; button: string; danger?: boolean }> = {
  approve: {
    title: 'Approve this hospital?',
    body: 'It will take bookings from every desk. Your name and the time are recorded as its approval.',
    button: 'Approve',
  },
  reject: {
    title: 'Reject this registration?',
    body: 'The hospital will take no bookings. Say why: the reason is kept with its record.',
    button: 'Reject',
    danger: true,
  },
  suspend: {
    title: 'Suspend this hospital?',
    body: 'It stops taking new bookings at once. Approving it again lifts the suspension.',
    button: 'Suspend',
    danger: true,
  },
}

function DecisionDialog({
  hospital,
  decision,
  onClose,
}: {
  hospital: Hospital
  decision: Decision
  onClose: () => void
}) {
  const { hospitals } = useStores()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const text = DECISION_TEXT[decision]

  async function confirm(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      if (decision === 'reject') await hospitals.reject(hospital.id, reason)
      else await hospitals.decide(decision, hospital.id)
      onClose()
    } catch (err) {
      setError(asDeskError(err))
      setBusy(false)
    }
  }

  return (
    <Dialog title={text.title} subtitle={hospital.name} onClose={busy ? () => {} : onClose}>
      <form onSubmit={confirm} noValidate>
        <p>{text.body}</p>
        {decision === 'reject' && (
          <TextAreaField
            label="Reason"
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error}
            autoFocus
            rows={3}
          />
        )}
        {!error?.details?.fields && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            className={`btn ${text.danger ? 'btn--danger' : 'btn--primary'}`}
            disabled={busy}
            autoFocus={decision !== 'reject'}
          >
            {text.button}
          </button>
        </div>
      </form>
    </Dialog>
  )
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
    phone: formatPhone(h?.phone),
    email: h?.email ?? '',
    website: h?.website ?? '',
    emergencyContact: formatPhone(h?.emergencyContact),
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

function HospitalForm({
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
