import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AuthLayout } from '../auth/AuthLayout'
import { ConnectForm } from './ConnectHub'
import './hub.css'

/**
 * The first run's other way (the application only): this workstation keeps no data of its own and
 * works on the hospital's hub. No account exists here yet, so main lets this one channel through
 * until an administrator does.
 */
export function FirstRunConnect({ choice }: { choice: ReactNode }) {
  const { t } = useTranslation()
  return (
    <AuthLayout title={t('hub.firstRun.title')} subtitle={t('hub.firstRun.subtitle')}>
      {choice}
      <ConnectForm autoFocus />
    </AuthLayout>
  )
}
