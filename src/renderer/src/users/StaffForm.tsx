import { observer } from 'mobx-react-lite'
import { useState, type FormEvent } from 'react'
import { USER_STATUSES, type StaffUser, type UserStatus } from '../../../shared/contract/users'
import type { DeskError } from '../../../shared/errors'
import { PASSWORD_RULE, ROLES, type Role } from '../../../shared/schemas'
import { asDeskError } from '../api/client'
import { ErrorBanner, Field, SelectField } from '../ui/Field'
import { useStores } from '../stores/root'
import { optional } from '../ui/forms'
import { Dialog } from '../ui'
import { formatPhone } from '../../../shared/phone'

import { capitalize, ROLE_LABEL } from '../../../shared/labels'

export const StaffForm = observer(function StaffForm({
  user,
  onClose,
}: {
  user?: StaffUser
  onClose: () => void
}) {
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
                {capitalize(s)}
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

export function ResetPasswordDialog({ user, onClose }: { user: StaffUser; onClose: () => void }) {
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
