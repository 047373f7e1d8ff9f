import { observer } from 'mobx-react-lite'
import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { i18n } from '../i18n'
import { password as passwordSchema } from '../../../shared/schemas'
import { ErrorBanner, Field } from '../ui/Field'
import { isElectron } from '../api/client'
import { useRoot } from '../stores/root'
import { AuthLayout } from './AuthLayout'
import '../shell/admin.css'
import { RecoveryCodeStep } from './RecoveryCodeStep'
import { formatCount } from '../../../shared/labels'
import { FirstRunConnect } from '../settings/FirstRunConnect'

/** The rule shown as the user types: the same schema main validates with, never a copy of it. */
function strength(password: string): { ok: boolean; label: string } {
  const ok = passwordSchema.safeParse(password).success
  // The rule's words are the catalogue's; English's equal the schema's PASSWORD_RULE.
  const rule = i18n.t('auth.setup.rule')
  if (!password) return { ok: false, label: rule }
  if (!ok)
    return {
      ok,
      label: i18n.t('auth.setup.notYet', { rule: i18n.language === 'en' ? rule.toLowerCase() : rule }),
    }
  return { ok, label: i18n.t(password.length >= 14 ? 'auth.setup.strong' : 'auth.setup.good') }
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
  const { t } = useTranslation()
  if (isElectron) return null
  return (
    <Field
      label={t('auth.setup.setupCode')}
      name="setupCode"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder="4821-9930"
      autoFocus
      hint={t('auth.setup.setupCodeHint')}
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
    <div className="setup-choice" role="group" aria-label={t('auth.setup.howToStart')}>
      <button
        type="button"
        className={mode === 'new' ? 'is-active' : undefined}
        aria-pressed={mode === 'new'}
        onClick={() => {
          session.clearError()
          setMode('new')
        }}
      >
        {t('auth.setup.newDesk')}
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
        {t('auth.setup.adoptDesk')}
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
  const { t } = useTranslation()
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
    <AuthLayout title={t('auth.setup.title')} subtitle={t('auth.setup.subtitle')}>
      {choice}
      <form onSubmit={submit} noValidate>
        <SetupCodeField
          value={form.setupCode}
          onChange={(setupCode) => setForm({ ...form, setupCode })}
          error={fieldError}
        />
        <Field
          label={t('auth.setup.fullName')}
          name="name"
          value={form.name}
          onChange={set('name')}
          error={fieldError}
          autoFocus={isElectron}
          autoComplete="name"
        />
        <Field
          label={t('auth.setup.email')}
          name="email"
          type="email"
          value={form.email}
          onChange={set('email')}
          error={fieldError}
          autoComplete="username"
        />
        <Field
          label={t('auth.setup.password')}
          name="password"
          type="password"
          value={form.password}
          onChange={set('password')}
          error={fieldError}
          autoComplete="new-password"
          hint={<span className={rule.ok ? 'ok' : undefined}>{rule.label}</span>}
        />
        <div className={`field${mismatch ? ' field--invalid' : ''}`}>
          <label htmlFor="confirm">{t('auth.setup.confirm')}</label>
          <input
            id="confirm"
            type="password"
            value={form.confirm}
            onChange={set('confirm')}
            autoComplete="new-password"
          />
          {mismatch && (
            <div className="field__error" role="alert">
              {t('auth.setup.mismatch')}
            </div>
          )}
        </div>
        {!fieldError && <ErrorBanner error={session.error} />}
        <button className="btn btn--primary btn--block" type="submit" disabled={session.busy}>
          {session.busy ? t('auth.setup.creating') : t('auth.setup.create')}
        </button>
      </form>
    </AuthLayout>
  )
})

const AdoptDesk = observer(function AdoptDesk({ choice }: { choice: ReactNode }) {
  const { session } = useRoot()
  const [path, setPath] = useState('')
  const [setupCode, setSetupCode] = useState('')
  const { t } = useTranslation()
  async function submit(e: FormEvent) {
    e.preventDefault()
    await session.adoptLegacy(path, setupCode)
  }
  const fieldError = session.error?.details?.field ? session.error : null
  return (
    <AuthLayout title={t('auth.setup.title')} subtitle={t('auth.adopt.subtitle')}>
      {choice}
      <form onSubmit={submit} noValidate>
        <SetupCodeField value={setupCode} onChange={setSetupCode} error={fieldError} />
        <Field
          label={t('auth.adopt.file')}
          name="path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          error={fieldError}
          placeholder="/srv/rapidcare/back-end/database.sqlite"
          autoFocus={isElectron}
          spellCheck={false}
          hint={t('auth.adopt.fileHint')}
        />
        {!fieldError && <ErrorBanner error={session.error} />}
        <button className="btn btn--primary btn--block" type="submit" disabled={session.busy}>
          {session.busy ? t('auth.adopt.busy') : t('auth.adopt.submit')}
        </button>
      </form>
    </AuthLayout>
  )
})

/** What adoption did, in a few lines, before the legacy administrator signs in. */
const AdoptedReport = observer(function AdoptedReport() {
  const { session } = useRoot()
  const r = session.adopted!
  const { t } = useTranslation()
  const rows = (table: string) => r.tables.find((t) => t.table === table)?.legacyRows ?? 0
  return (
    <AuthLayout title={t('auth.adopt.doneTitle')} subtitle={t('auth.adopt.doneSubtitle')}>
      <ul className="adopt-report" aria-label={t('auth.adopt.rows')}>
        <li>
          <span>{t('auth.adopt.hospitals')}</span>
          <strong>{formatCount(rows('hospitals'))}</strong>
        </li>
        <li>
          <span>{t('auth.adopt.accounts')}</span>
          <strong>{formatCount(rows('users'))}</strong>
        </li>
        <li>
          <span>{t('auth.adopt.bookings')}</span>
          <strong>{formatCount(rows('bookings'))}</strong>
        </li>
        <li>
          <span>{t('auth.adopt.payments')}</span>
          <strong>{formatCount(rows('transactions'))}</strong>
        </li>
      </ul>
      <ul className="adopt-notes">
        <li>
          {r.inexact.length === 0
            ? t('auth.adopt.exact')
            : t('auth.adopt.rounded', { count: r.inexact.length, n: formatCount(r.inexact.length) })}
        </li>
        {r.resourceFixes.length > 0 && <li>{t('auth.adopt.fixes', { count: r.resourceFixes.length })}</li>}
        <li>
          {t('auth.adopt.copiedTo')} <span className="mono">{r.backupPath}</span>
        </li>
      </ul>
      <button className="btn btn--primary btn--block" onClick={() => session.finishAdoption()} autoFocus>
        {t('auth.adopt.continue')}
      </button>
    </AuthLayout>
  )
})
