import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useRoot } from '../stores/root'
import { AuthLayout } from './AuthLayout'
import './recovery.css'

/**
 * The first-run step after the administrator account: the encrypted database's recovery code,
 * shown this once. With it the database and its backups open on another machine; without it and
 * without this computer's keychain (or key file), nobody can open them.
 */
export const RecoveryCodeStep = observer(function RecoveryCodeStep({ code }: { code: string }) {
  const { session } = useRoot()
  const [kept, setKept] = useState(false)
  const { t } = useTranslation()
  const groups = code.split('-')
  return (
    <AuthLayout title={t('auth.recovery.title')} subtitle={t('auth.recovery.subtitle')}>
      <div className="recovery" role="group" aria-label={t('auth.recovery.label')}>
        <code className="recovery__code" data-testid="recovery-code">
          {groups.map((g, i) => (
            <span key={i}>{g}</span>
          ))}
        </code>
        <ul className="recovery__notes">
          <li>{t('auth.recovery.noteNew')}</li>
          <li>{t('auth.recovery.noteLost')}</li>
          <li>{t('auth.recovery.noteLocked')}</li>
        </ul>
        <button type="button" className="btn btn--block no-print" onClick={() => window.print()}>
          {t('auth.recovery.print')}
        </button>
        <label className="recovery__kept no-print">
          <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
          {t('auth.recovery.kept')}
        </label>
        <button
          type="button"
          className="btn btn--primary btn--block no-print"
          disabled={!kept}
          onClick={() => session.recoveryCodeKept()}
        >
          {t('auth.recovery.continue')}
        </button>
      </div>
    </AuthLayout>
  )
})
