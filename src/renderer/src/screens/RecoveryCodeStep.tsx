import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { useStores } from '../stores/root'
import { AuthLayout } from './AuthLayout'
import '../recovery.css'

/**
 * The first-run step after the administrator account: the encrypted database's recovery code,
 * shown this once. With it the database and its backups open on another machine; without it and
 * without this computer's keychain (or key file), nobody can open them.
 */
export const RecoveryCodeStep = observer(function RecoveryCodeStep({ code }: { code: string }) {
  const { session } = useStores()
  const [kept, setKept] = useState(false)
  const groups = code.split('-')
  return (
    <AuthLayout
      title="Keep the recovery code"
      subtitle="This desk's database is encrypted. Print this code or write it down now, and keep it apart from this computer, where the administrator can find it. It is shown only this once."
    >
      <div className="recovery" role="group" aria-label="Recovery code">
        <code className="recovery__code" data-testid="recovery-code">
          {groups.map((g, i) => (
            <span key={i}>{g}</span>
          ))}
        </code>
        <ul className="recovery__notes">
          <li>A new computer opens the database, or a backup of it, with this code.</li>
          <li>Lost together with this computer, the data cannot be recovered by anyone.</li>
          <li>Anyone holding it and a backup can read every patient in it: keep it locked away.</li>
        </ul>
        <button type="button" className="btn btn--block no-print" onClick={() => window.print()}>
          Print the code
        </button>
        <label className="recovery__kept no-print">
          <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />I have printed
          or written down the recovery code
        </label>
        <button
          type="button"
          className="btn btn--primary btn--block no-print"
          disabled={!kept}
          onClick={() => session.recoveryCodeKept()}
        >
          Continue to sign in
        </button>
      </div>
    </AuthLayout>
  )
})
