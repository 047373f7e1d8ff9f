import { observer } from 'mobx-react-lite'
import { useEffect, useState, type FormEvent } from 'react'
import {
  BLOOD_STATUSES,
  BLOOD_TYPES,
  type BloodRequest,
  type BloodStatus,
  type BloodType,
} from '../../../shared/contract/blood'
import type { Hospital } from '../../../shared/contract/hospitals'
import { URGENCIES, type Urgency } from '../../../shared/schemas'
import { call } from '../api/client'
import { ErrorBanner, Field, SelectField, TextAreaField } from '../components/Form'
import { useAction } from '../components/useAction'
import { useStores } from '../stores/root'
import '../blood.css'
import { Dialog, fmtDateTime, fromLocalInput, fromNow, Pager, toLocalInput } from './PaymentsUi'
import { formatPhone } from '../../../shared/phone'
import { parseTypedNumber } from '../../../shared/locale/digits'

const URGENCY_BADGE: Record<Urgency, string> = {
  critical: 'critical',
  high: 'danger',
  medium: 'warning',
  low: 'neutral',
}
const STATUS_BADGE: Record<BloodStatus, string> = {
  active: 'info',
  fulfilled: 'success',
  cancelled: 'neutral',
  expired: 'danger',
}
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)

function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  return <span className={`badge badge--${URGENCY_BADGE[urgency]}`}>{cap(urgency)}</span>
}

function NewRequestDialog({ onClose }: { onClose: () => void }) {
  const { blood, session } = useStores()
  const me = session.user!
  const [hospitals, setHospitals] = useState<Hospital[]>([])
  const [form, setForm] = useState({
    patientName: '',
    bloodType: '' as BloodType | '',
    unitsNeeded: '1',
    urgency: 'high' as Urgency,
    hospitalId: me.hospitalId ? String(me.hospitalId) : '',
    contactPhone: '',
    location: '',
    medicalCondition: '',
    requiredBy: toLocalInput(new Date(Date.now() + 12 * 3_600_000)),
    notes: '',
  })
  const { busy, error, run } = useAction()
  useEffect(() => {
    void call('hospitals.list', { limit: 500 }).then(
      (r) => setHospitals(r.items),
      () => setHospitals([]),
    )
  }, [])
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value })

  async function submit(e: FormEvent) {
    e.preventDefault()
    await run(async () => {
      await blood.create({
        patientName: form.patientName,
        bloodType: form.bloodType as BloodType,
        unitsNeeded: parseTypedNumber(form.unitsNeeded),
        urgency: form.urgency,
        hospitalId: form.hospitalId ? Number(form.hospitalId) : null,
        contactPhone: form.contactPhone,
        location: form.location,
        medicalCondition: form.medicalCondition.trim() || undefined,
        requiredBy: fromLocalInput(form.requiredBy),
        notes: form.notes.trim() || undefined,
      })
      onClose()
    })
  }
  const fieldErr = error?.details?.field ? error : null
  return (
    <Dialog title="New blood request" onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field
            label="Patient name"
            name="patientName"
            value={form.patientName}
            onChange={set('patientName')}
            error={fieldErr}
            autoFocus
          />
          <SelectField
            label="Blood type"
            name="bloodType"
            value={form.bloodType}
            onChange={set('bloodType')}
            error={fieldErr}
          >
            <option value="">Choose…</option>
            {BLOOD_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </SelectField>
          <Field
            label="Units needed"
            name="unitsNeeded"
            inputMode="numeric"
            value={form.unitsNeeded}
            onChange={set('unitsNeeded')}
            error={fieldErr}
            hint="1 to 20"
          />
          <SelectField
            label="Urgency"
            name="urgency"
            value={form.urgency}
            onChange={set('urgency')}
            error={fieldErr}
          >
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {cap(u)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Hospital"
            name="hospitalId"
            value={form.hospitalId}
            onChange={set('hospitalId')}
            error={fieldErr}
            disabled={me.role === 'hospital-authority'}
          >
            <option value="">Not at a hospital</option>
            {hospitals.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </SelectField>
          <Field
            label="Required by"
            name="requiredBy"
            type="datetime-local"
            value={form.requiredBy}
            onChange={set('requiredBy')}
            error={fieldErr}
          />
          <Field
            label="Contact phone"
            name="contactPhone"
            type="tel"
            value={form.contactPhone}
            onChange={set('contactPhone')}
            error={fieldErr}
          />
          <Field
            label="Location"
            name="location"
            value={form.location}
            onChange={set('location')}
            error={fieldErr}
            placeholder="Ward, bed or address"
          />
        </div>
        <Field
          label="Medical condition"
          name="medicalCondition"
          value={form.medicalCondition}
          onChange={set('medicalCondition')}
          error={fieldErr}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          value={form.notes}
          onChange={set('notes')}
          error={fieldErr}
          rows={2}
        />
        {!fieldErr && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Create request'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function RequestCard({ r }: { r: BloodRequest }) {
  const { blood } = useStores()
  const soon = r.requiredBy && new Date(r.requiredBy).getTime() - Date.now() < 6 * 3_600_000
  return (
    <li className={`blood-card blood-card--${r.urgency}`} data-testid={`blood-request-${r.id}`}>
      <div className="blood-card__top">
        <strong>{r.patientName}</strong>
        <UrgencyBadge urgency={r.urgency} />
      </div>
      <div className="blood-card__units">
        {r.unitsNeeded} unit{r.unitsNeeded === 1 ? '' : 's'}
        {r.requiredBy && (
          <span className={soon ? 'warn-text' : 'muted'} title={fmtDateTime(r.requiredBy)}>
            {' '}
            · needed {fromNow(r.requiredBy)}
          </span>
        )}
      </div>
      <div className="muted small">{r.hospitalName ?? r.location}</div>
      {r.hospitalName && <div className="muted small">{r.location}</div>}
      <div className="small">
        <a href={`tel:${r.contactPhone.replace(/[^+0-9]/g, '')}`}>{formatPhone(r.contactPhone)}</a>
      </div>
      <div className="blood-card__actions">
        <button className="btn btn--small btn--primary" onClick={() => void blood.update(r.id, 'fulfilled')}>
          Fulfilled
        </button>
        <button className="btn btn--small" onClick={() => void blood.update(r.id, 'cancelled')}>
          Cancel request
        </button>
      </div>
    </li>
  )
}

export const BloodScreen = observer(function BloodScreen() {
  const { blood } = useStores()
  const [creating, setCreating] = useState(false)
  useEffect(() => {
    void blood.load()
  }, [blood])

  const byType = BLOOD_TYPES.map((t) => ({
    type: t,
    requests: blood.active.filter((r) => r.bloodType === t),
  }))
  const units = blood.active.reduce((s, r) => s + r.unitsNeeded, 0)
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Blood requests</h1>
          <p className="muted">
            {blood.active.length
              ? `${blood.active.length} active request${blood.active.length === 1 ? '' : 's'}, ${units} unit${units === 1 ? '' : 's'} needed.`
              : 'No active requests.'}
          </p>
        </div>
        <button className="btn btn--primary" onClick={() => setCreating(true)}>
          + New request
        </button>
      </header>
      <ErrorBanner error={blood.error} />

      <div className="blood-board" aria-label="Active requests by blood type">
        {byType.map(({ type, requests }) => (
          <section
            key={type}
            className={`blood-col${requests.length ? '' : ' blood-col--empty'}`}
            aria-label={`Blood type ${type}`}
          >
            <header className="blood-col__head">
              <span className="blood-drop">{type}</span>
              <span className="muted small">
                {requests.length ? `${requests.reduce((s, r) => s + r.unitsNeeded, 0)} units` : 'none'}
              </span>
            </header>
            <ul>
              {requests.map((r) => (
                <RequestCard key={r.id} r={r} />
              ))}
            </ul>
          </section>
        ))}
      </div>

      <h2 className="section-title">All requests</h2>
      <div className="toolbar">
        <select
          className="input input--narrow"
          aria-label="Blood type filter"
          value={blood.filters.bloodType ?? ''}
          onChange={(e) => blood.setFilter('bloodType', (e.target.value || undefined) as BloodType)}
        >
          <option value="">Any type</option>
          {BLOOD_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <select
          className="input input--narrow"
          aria-label="Urgency filter"
          value={blood.filters.urgency ?? ''}
          onChange={(e) => blood.setFilter('urgency', (e.target.value || undefined) as Urgency)}
        >
          <option value="">Any urgency</option>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {cap(u)}
            </option>
          ))}
        </select>
        <select
          className="input input--narrow"
          aria-label="Status filter"
          value={blood.filters.status ?? ''}
          onChange={(e) => blood.setFilter('status', (e.target.value || undefined) as BloodStatus)}
        >
          <option value="">Any status</option>
          {BLOOD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {cap(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="table-wrap">
        <table className="table" aria-label="Blood requests">
          <thead>
            <tr>
              <th>Type</th>
              <th>Patient</th>
              <th className="num">Units</th>
              <th>Urgency</th>
              <th>Required by</th>
              <th>Where</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {blood.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <span className="blood-drop blood-drop--small">{r.bloodType}</span>
                </td>
                <td>{r.patientName}</td>
                <td className="num">{r.unitsNeeded}</td>
                <td>
                  <UrgencyBadge urgency={r.urgency} />
                </td>
                <td className="nowrap">{fmtDateTime(r.requiredBy)}</td>
                <td>{r.hospitalName ?? r.location}</td>
                <td>
                  <span className={`badge badge--${STATUS_BADGE[r.status]}`}>{cap(r.status)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!blood.loading && blood.items.length === 0 && <div className="empty">No requests match.</div>}
      </div>
      <Pager
        offset={blood.offset}
        total={blood.total}
        pageSize={blood.pageSize}
        onPage={(o) => blood.page(o)}
      />
      {creating && <NewRequestDialog onClose={() => setCreating(false)} />}
    </section>
  )
})
