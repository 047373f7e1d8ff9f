import { observer } from 'mobx-react-lite'
import { useState, type FormEvent, type ReactNode } from 'react'
import { PASSWORD_RULE, password as passwordSchema } from '../../../shared/schemas'
import { ErrorBanner, Field } from '../ui/Field'
import { isElectron } from '../api/client'
import { useRoot } from '../stores/root'
import { AuthLayout } from './AuthLayout'
import '../shell/admin.css'
import { RecoveryCodeStep } from './RecoveryCodeStep'
import { FirstRunConnect } from '../settings/FirstRunConnect'
import { useTranslation } from 'react-i18next'

/** The rule shown as the user types: the same schema main validates with, never a copy of it. */
function strength(password: string): { ok: boolean; label: string } {
  const ok = passwordSchema.safeParse(password).success
  if (!password) return { ok: false, label: PASSWORD_RULE }
  if (!ok) return { ok, label: `Not yet: ${PASSWORD_RULE.toLowerCase()}` }
  return { ok, label: password.length >= 14 ? 'Strong password.' : 'Good password.' }
}

/**
 * Browser mode asks for the one-time code that `serve` printed under its address, so no other
 * program on this computer can claim the desk first. In Electron main hands it over itself.
 */
function SetupCodeField({
  value,
  onChange,
  error,
}: {
  value: string
  onChange: (value: string) => void
  error: ReturnType<typeof useRoot>['session']['error']
}) {
  if (isElectron) return null
  return (
    <Field
      label="Setup code"
      name="setupCode"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder="4821-9930"
      autoFocus
      hint="Printed where the desk was started, under its address: “Setup code: ….”"
    />
  )
}

/**
 * First start on a new database: create the administrator (there is no default account), or open
 * an existing RapidCare back-end database, whose administrator then signs in.
 */
export const SetupScreen = observer(function SetupScreen() {
  const { session } = useRoot()
  const { t } = useTranslation()
  const [mode, setMode] = useState<'new' | 'adopt' | 'connect'>('new')
  if (session.adopted) return <AdoptedReport />
  if (session.recoveryCode) return <RecoveryCodeStep code={session.recoveryCode} />
  const choice = (
    <div className="setup-choice" role="group" aria-label="How to start">
      <button
        type="button"
        className={mode === 'new' ? 'is-active' : undefined}
        aria-pressed={mode === 'new'}
        onClick={() => {
          session.clearError()
          setMode('new')
        }}
      >
        Start a new desk
      </button>
      <button
        type="button"
        className={mode === 'adopt' ? 'is-active' : undefined}
        aria-pressed={mode === 'adopt'}
        onClick={() => {
          session.clearError()
          setMode('adopt')
        }}
      >
        Open an existing RapidCare database
      </button>
      {/* The application only: a browser joins the hub by opening its address. */}
      {isElectron && (
        <button
          type="button"
          className={mode === 'connect' ? 'is-active' : undefined}
          aria-pressed={mode === 'connect'}
          onClick={() => {
            session.clearError()
            setMode('connect')
          }}
        >
          {t('hub.firstRun.choice')}
        </button>
      )}
    </div>
  )
  if (mode === 'connect') return <FirstRunConnect choice={choice} />
  return mode === 'new' ? <NewDesk choice={choice} /> : <AdoptDesk choice={choice} />
})

const NewDesk = observer(function NewDesk({ choice }: { choice: ReactNode }) {
  const { session } = useRoot()
  const [form, setForm] = useState({ name: '', email: '', password: '', confirm: '', setupCode: '' })
  const [mismatch, setMismatch] = useState(false)
  const rule = strength(form.password)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (form.password !== form.confirm) return setMismatch(true)
    setMismatch(false)
    await session.setupAdmin({
      name: form.name,
      email: form.email,
      password: form.password,
      setupCode: form.setupCode,
    })
  }
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value })
  const fieldError = session.error?.details?.field ? session.error : null

  return (
    <AuthLayout
      title="Set up this desk"
      subtitle="This database is new. Create the administrator account that will manage hospitals, staff and backups."
    >
      {choice}
      <form onSubmit={submit} noValidate>
        <SetupCodeField
          value={form.setupCode}
          onChange={(setupCode) => setForm({ ...form, setupCode })}
          error={fieldError}
        />
        <Field
          label="Full name"
          name="name"
          value={form.name}
          onChange={set('name')}
          error={fieldError}
          autoFocus={isElectron}
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

const AdoptDesk = observer(function AdoptDesk({ choice }: { choice: ReactNode }) {
  const { session } = useRoot()
  const [path, setPath] = useState('')
  const [setupCode, setSetupCode] = useState('')
  async function submit(e: FormEvent) {
    e.preventDefault()
    await session.adoptLegacy(path, setupCode)
  }
  const fieldError = session.error?.details?.field ? session.error : null
  return (
    <AuthLayout
      title="Set up this desk"
      subtitle="A hospital already running the RapidCare back-end can bring its database here: every hospital, account, booking and payment, with its id."
    >
      {choice}
      <form onSubmit={submit} noValidate>
        <SetupCodeField value={setupCode} onChange={setSetupCode} error={fieldError} />
        <Field
          label="RapidCare database file"
          name="path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          error={fieldError}
          placeholder="/srv/rapidcare/back-end/database.sqlite"
          autoFocus={isElectron}
          spellCheck={false}
          hint="The full path of the back-end's database.sqlite. It is copied first and never changed."
        />
        {!fieldError && <ErrorBanner error={session.error} />}
        <button className="btn btn--primary btn--block" type="submit" disabled={session.busy}>
          {session.busy ? 'Adopting…' : 'Open and adopt'}
        </button>
      </form>
    </AuthLayout>
  )
})

/** What adoption did, in a few lines, before the legacy administrator signs in. */
const AdoptedReport = observer(function AdoptedReport() {
  const { session } = useRoot()
  const r = session.adopted!
  const rows = (table: string) => r.tables.find((t) => t.table === table)?.legacyRows ?? 0
  return (
    <AuthLayout
      title="Database adopted"
      subtitle="Everything was kept with its id. Sign in with an account from the RapidCare back-end."
    >
      <ul className="adopt-report" aria-label="Adopted rows">
        <li>
          <span>Hospitals</span>
          <strong>{rows('hospitals')}</strong>
        </li>
        <li>
          <span>Accounts</span>
          <strong>{rows('users')}</strong>
        </li>
        <li>
          <span>Bookings</span>
          <strong>{rows('bookings')}</strong>
        </li>
        <li>
          <span>Payments</span>
          <strong>{rows('transactions')}</strong>
        </li>
      </ul>
      <ul className="adopt-notes">
        <li>
          {r.inexact.length === 0
            ? 'Every amount converted to paisa exactly.'
            : `${r.inexact.length} amount${r.inexact.length === 1 ? ' was' : 's were'} not a whole number of paisa and ${r.inexact.length === 1 ? 'was' : 'were'} rounded.`}
        </li>
        {r.resourceFixes.length > 0 && (
          <li>
            {r.resourceFixes.length} resource count{r.resourceFixes.length === 1 ? '' : 's'} adjusted so that
            available + occupied + reserved + maintenance = total.
          </li>
        )}
        <li>
          The original was copied to <span className="mono">{r.backupPath}</span>
        </li>
      </ul>
      <button className="btn btn--primary btn--block" onClick={() => session.finishAdoption()} autoFocus>
        Continue to sign in
      </button>
    </AuthLayout>
  )
})
