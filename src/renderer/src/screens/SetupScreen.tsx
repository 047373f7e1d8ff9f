import { observer } from 'mobx-react-lite'
import { useState, type FormEvent } from 'react'
import { PASSWORD_RULE } from '../../../shared/schemas'
import { ErrorBanner, Field } from '../components/Form'
import { useStores } from '../stores/root'
import { AuthLayout } from './AuthLayout'

function strength(password: string): { ok: boolean; label: string } {
  const ok = password.length >= 10 && /\p{L}/u.test(password) && /[0-9]/.test(password)
  if (!password) return { ok: false, label: PASSWORD_RULE }
  if (!ok) return { ok, label: `Not yet: ${PASSWORD_RULE.toLowerCase()}` }
  return { ok, label: password.length >= 14 ? 'Strong password.' : 'Good password.' }
}

/** First start on a new database: create the administrator. There is no default account. */
export const SetupScreen = observer(function SetupScreen() {
  const { session } = useStores()
  const [form, setForm] = useState({ name: '', email: '', password: '', confirm: '' })
  const [mismatch, setMismatch] = useState(false)
  const rule = strength(form.password)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (form.password !== form.confirm) return setMismatch(true)
    setMismatch(false)
    await session.setupAdmin({ name: form.name, email: form.email, password: form.password })
  }
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value })
  const fieldError = session.error?.details?.field ? session.error : null

  return (
    <AuthLayout
      title="Set up this desk"
      subtitle="This database is new. Create the administrator account that will manage hospitals, staff and backups."
    >
      <form onSubmit={submit} noValidate>
        <Field
          label="Full name"
          name="name"
          value={form.name}
          onChange={set('name')}
          error={fieldError}
          autoFocus
          autoComplete="name"
        />
        <Field
          label="Email"
          name="email"
          type="email"
          value={form.email}
          onChange={set('email')}
          error={fieldError}
          autoComplete="username"
        />
        <Field
          label="Password"
          name="password"
          type="password"
          value={form.password}
          onChange={set('password')}
          error={fieldError}
          autoComplete="new-password"
          hint={<span className={rule.ok ? 'ok' : undefined}>{rule.label}</span>}
        />
        <div className={`field${mismatch ? ' field--invalid' : ''}`}>
          <label htmlFor="confirm">Confirm password</label>
          <input
            id="confirm"
            type="password"
            value={form.confirm}
            onChange={set('confirm')}
            autoComplete="new-password"
          />
          {mismatch && (
            <div className="field__error" role="alert">
              The two passwords differ.
            </div>
          )}
        </div>
        {!fieldError && <ErrorBanner error={session.error} />}
        <button className="btn btn--primary btn--block" type="submit" disabled={session.busy}>
          {session.busy ? 'Creating…' : 'Create administrator'}
        </button>
      </form>
    </AuthLayout>
  )
})
