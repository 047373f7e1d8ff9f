import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import type { HubStatus } from '../../../shared/contract/hub'
import { asDeskError, call } from '../api/client'
import { useStores } from '../stores/root'
import './live.css'

/**
 * Admin Settings: whether this desk is the hospital's hub, and if so the two things another desk
 * needs to join it — the address, and the certificate fingerprint to check (browser) or pin
 * (Electron desk).
 */
export const HubCard = observer(function HubCard() {
  const { session } = useStores()
  const [status, setStatus] = useState<HubStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const admin = session.user?.role === 'admin'
  useEffect(() => {
    if (!admin) return
    call('hub.status', {}).then(setStatus, (err: unknown) => setError(asDeskError(err).message))
  }, [admin])
  if (!admin) return null
  return (
    <article className="card settings-card hub-card" aria-labelledby="hub-card-title">
      <h2 id="hub-card-title">The hospital network</h2>
      {error && <p className="hub-card__error">{error}</p>}
      {!status && !error && <p className="muted">Looking…</p>}
      {status?.url && (
        <>
          <p className="muted">
            This desk is the hospital’s hub. Another workstation joins by opening the address in a browser
            (check that the certificate’s SHA-256 fingerprint is this one), or in the Electron desk under
            Connect to the hospital’s desk, with both.
          </p>
          <dl className="hub-card__facts">
            <dt>Address</dt>
            <dd data-testid="hub-url">{status.url}</dd>
            <dt>Certificate SHA-256</dt>
            <dd data-testid="hub-fingerprint">{status.fingerprint}</dd>
          </dl>
        </>
      )}
      {status && !status.url && (
        <p className="muted">
          This desk serves this workstation only. To make it the hospital’s hub, start it with{' '}
          <code>npm run serve -- --lan --port 8443</code>: it then prints its address and certificate
          fingerprint, and shows them here.
        </p>
      )}
    </article>
  )
})
