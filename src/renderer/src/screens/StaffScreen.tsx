import { observer } from 'mobx-react-lite'
import { useEffect, useState, type FormEvent } from 'react'
import { USER_STATUSES, type StaffUser, type UserStatus } from '../../../shared/contract/users'
import type { DeskError } from '../../../shared/errors'
import { PASSWORD_RULE, ROLES, type Role } from '../../../shared/schemas'
import { asDeskError } from '../api/client'
import { ErrorBanner, Field, SelectField } from '../components/Form'
import { useStores } from '../stores/root'
import { STAFF_PAGE } from '../stores/staff'
import { Dialog, formatDateTime, optional, Pager } from './AdminUi'
import { formatPhone } from '../../../shared/phone'

export const ROLE_LABEL: Record<Role, string> = {
  user: 'Front desk',
  'hospital-authority': 'Hospital authority',
  admin: 'Administrator',
}

const STATUS_BADGE: Record<UserStatus, string> = {
  active: 'badge--success',
  inactive: 'badge--neutral',
  suspended: 'badge--danger',
}

const ROLE_BADGE: Record<Role, string> = {
  user: 'badge--neutral',
  'hospital-authority': 'badge--info',
  admin: 'badge--warning',
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)

/** The Staff area (admin): accounts, their roles and hospitals, and password resets. */
export const StaffScreen = observer(function StaffScreen() {
  const { staff, session } = useStores()
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null)
  const [resetting, setResetting] = useState<StaffUser | null>(null)
  const [search, setSearch] = useState(staff.search)
  useEffect(() => {
    void staff.start()
  }, [staff])
  useEffect(() => {
    if (search === staff.search) return
    const t = setTimeout(() => staff.filter({ search }), 250)
    return () => clearTimeout(t)
  }, [search, staff])

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Staff accounts</h1>
          <p className="muted">Who may sign in at this desk, in which role, for which hospital.</p>
        </div>
        <button className="btn btn--primary" onClick={() => setEditing('new')}>
          New account
        </button>
      </header>
      <div className="toolbar">
        <input
          className="input"
          type="search"
          placeholder="Search name, email or phone"
          aria-label="Search staff"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          className="input input--narrow"
          aria-label="Role"
          value={staff.role}
          onChange={(e) => staff.filter({ role: e.target.value as Role | '' })}
        >
          <option value="">All roles</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        <select
          className="input input--narrow"
          aria-label="Status"
          value={staff.status}
          onChange={(e) => staff.filter({ status: e.target.value as UserStatus | '' })}
        >
          <option value="">Any status</option>
          {USER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {cap(s)}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label="Hospital"
          value={staff.hospitalId}
          onChange={(e) => staff.filter({ hospitalId: e.target.value ? Number(e.target.value) : '' })}
        >
          <option value="">Any hospital</option>
          {staff.hospitals.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner error={staff.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Hospital</th>
              <th>Status</th>
              <th>Last sign-in</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {staff.items.map((u) => (
              <tr key={u.id}>
                <td>
                  <div className="cell-title">
                    {u.name}
                    {u.id === session.user?.id && <span className="muted"> (you)</span>}
                  </div>
                  <div className="cell-sub">
                    {u.email}
                    {u.phone ? ` · ${formatPhone(u.phone)}` : ''}
                  </div>
                </td>
                <td>
                  <span className={`badge ${ROLE_BADGE[u.role]}`}>{ROLE_LABEL[u.role]}</span>
                </td>
                <td>{u.hospitalName ?? <span className="muted">—</span>}</td>
                <td>
                  <span className={`badge ${STATUS_BADGE[u.status]}`}>{cap(u.status)}</span>
                </td>
                <td>{u.lastLogin ? formatDateTime(u.lastLogin) : <span className="muted">Never</span>}</td>
                <td className="num nowrap">
                  <button
                    className="btn btn--small"
                    onClick={() => setEditing(u)}
                    aria-label={`Edit ${u.name}`}
                  >
                    Edit
                  </button>{' '}
                  <button
                    className="btn btn--small btn--ghost"
                    onClick={() => setResetting(u)}
                    aria-label={`Reset password of ${u.name}`}
                  >
                    Reset password
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {staff.items.length === 0 && !staff.loading && (
          <div className="empty">No account matches these filters.</div>
        )}
      </div>
      <Pager
        offset={staff.offset}
        limit={STAFF_PAGE}
        total={staff.total}
        onPage={(o) => staff.page(o)}
        noun="accounts"
      />
      {editing && (
        <StaffForm user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </section>
  )
})

const StaffForm = observer(function StaffForm({ user, onClose }: { user?: StaffUser; onClose: () => void }) {
  const { staff, session } = useStores()
  const [form, setForm] = useState({
    name: user?.name ?? '',
    email: user?.email ?? '',
    password: '',
    phone: formatPhone(user?.phone),
    role: (user?.role ?? 'user') as Role,
    hospitalId: user?.hospitalId ? String(user.hospitalId) : '',
    status: (user?.status ?? 'active') as UserStatus,
  })
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value })
  const hospitalId = form.role === 'admin' || !form.hospitalId ? null : Number(form.hospitalId)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      if (user) {
        await staff.update({
          id: user.id,
          name: form.name,
          phone: optional(form.phone) ?? null,
          role: form.role,
          hospitalId,
          status: form.status,
        })
        if (user.id === session.user?.id && (form.status !== 'active' || form.role !== 'admin')) {
          await session.logout()
          return
        }
      } else {
        await staff.create({
          name: form.name,
          email: form.email,
          password: form.password,
          phone: optional(form.phone),
          role: form.role,
          hospitalId,
        })
      }
      onClose()
    } catch (err) {
      setError(asDeskError(err))
      setBusy(false)
    }
  }
  const fieldError = error?.details?.fields ? error : null

  return (
    <Dialog
      title={user ? `Edit ${user.name}` : 'New staff account'}
      subtitle={
        user ? user.email : 'They sign in with this email and password; give them the password in person.'
      }
      onClose={busy ? () => {} : onClose}
    >
      <form onSubmit={submit} noValidate>
        <Field
          label="Full name"
          name="name"
          value={form.name}
          onChange={set('name')}
          error={fieldError}
          autoFocus
        />
        {!user && (
          <>
            <Field
              label="Email"
              name="email"
              type="email"
              value={form.email}
              onChange={set('email')}
              error={fieldError}
              autoComplete="off"
            />
            <Field
              label="Password"
              name="password"
              type="password"
              value={form.password}
              onChange={set('password')}
              error={fieldError}
              autoComplete="new-password"
              hint={PASSWORD_RULE}
            />
          </>
        )}
        <Field
          label="Phone"
          name="phone"
          value={form.phone}
          onChange={set('phone')}
          error={fieldError}
          inputMode="tel"
        />
        <div className="form-grid form-grid--two">
          <SelectField label="Role" name="role" value={form.role} onChange={set('role')} error={fieldError}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Hospital"
            name="hospitalId"
            value={form.role === 'admin' ? '' : form.hospitalId}
            onChange={set('hospitalId')}
            error={fieldError}
            disabled={form.role === 'admin'}
          >
            <option value="">{form.role === 'admin' ? 'All (administrator)' : 'None'}</option>
            {staff.hospitals.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </SelectField>
        </div>
        {user && (
          <SelectField
            label="Status"
            name="status"
            value={form.status}
            onChange={set('status')}
            error={fieldError}
          >
            {USER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {cap(s)}
              </option>
            ))}
          </SelectField>
        )}
        {user && form.status !== 'active' && user.status === 'active' && (
          <div className="banner banner--warning">Saving signs {user.name} out everywhere at once.</div>
        )}
        {error && !fieldError && <ErrorBanner error={error} />}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Saving…' : user ? 'Save changes' : 'Create account'}
          </button>
        </div>
      </form>
    </Dialog>
  )
})

function ResetPasswordDialog({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { staff, session } = useStores()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await staff.resetPassword(user.id, password)
      if (user.id === session.user?.id) {
        await session.logout()
        return
      }
      setDone(true)
    } catch (err) {
      setError(asDeskError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Reset password"
      subtitle={`${user.name} · ${user.email}`}
      onClose={busy ? () => {} : onClose}
    >
      {done ? (
        <>
          <div className="banner banner--success" role="status">
            The password is changed and {user.name} is signed out everywhere. Give them the new one in person.
          </div>
          <div className="dialog__actions">
            <button className="btn btn--primary" onClick={onClose} autoFocus>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field
            label="New password"
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error}
            autoComplete="new-password"
            hint={PASSWORD_RULE}
            autoFocus
          />
          {!error?.details?.fields && <ErrorBanner error={error} />}
          <div className="dialog__actions">
            <button type="button" className="btn" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="btn btn--primary" disabled={busy}>
              Set password
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
