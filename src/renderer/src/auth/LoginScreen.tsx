import { observer } from 'mobx-react-lite'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner, Field } from '../ui/Field'
import { useRoot } from '../stores/root'
import { AuthLayout } from './AuthLayout'

export const LoginScreen = observer(function LoginScreen() {
  const { session } = useRoot()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { t } = useTranslation()

  async function submit(e: FormEvent) {
    e.preventDefault()
    const ok = await session.login(email, password)
    if (!ok) setPassword('')
  }
  const fieldError = session.error?.code === 'VALIDATION' ? session.error : null

  return (
    <AuthLayout title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('auth.login.email')}
          name="email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError}
          autoFocus
          autoComplete="username"
        />
        <Field
          label={t('auth.login.password')}
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError}
          autoComplete="current-password"
        />
        {!fieldError && <ErrorBanner error={session.error} />}
        <button className="btn btn--primary btn--block" type="submit" disabled={session.busy}>
          {session.busy ? t('auth.login.busy') : t('auth.login.submit')}
        </button>
      </form>
    </AuthLayout>
  )
})
