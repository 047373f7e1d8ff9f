import { observer } from 'mobx-react-lite'
import { useState, type FormEvent } from 'react'
import { ErrorBanner, Field } from '../ui/Field'
import { useRoot } from '../stores/root'
import { AuthLayout } from './AuthLayout'

export const LoginScreen = observer(function LoginScreen() {
  const { session } = useRoot()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')

  async function submit(e: FormEvent) {
    e.preventDefault()
    const ok = await session.login(email, password)
    if (!ok) setPassword('')
  }
  const fieldError = session.error?.code === 'VALIDATION' ? session.error : null

  return (
    <AuthLayout title="Sign in" subtitle="Use the account your administrator gave you.">
      <form onSubmit={submit} noValidate>
        <Field
          label="Email"
          name="email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError}
          autoFocus
          autoComplete="username"
        />
        <Field
          label="Password"
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError}
          autoComplete="current-password"
        />
        {!fieldError && <ErrorBanner error={session.error} />}
        <button className="btn btn--primary btn--block" type="submit" disabled={session.busy}>
          {session.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  )
})
