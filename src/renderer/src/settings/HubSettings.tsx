import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HubStatus } from '../../../shared/contract/hub'
import { asDeskError, call } from '../api/client'
import { useRoot } from '../stores/root'
import { ConnectHub, JoinedHub } from './ConnectHub'
import { HubFacts } from './HubFacts'
import { ShareHub } from './ShareHub'
import './hub.css'

/**
 * Settings → the hospital network, for an admin. In the application: share this desk as the
 * hospital's hub, or connect it to the hub (or leave it). In a browser: what `serve --lan` says of
 * itself (address and fingerprint), since a page cannot start a server or move a desk.
 */
export const HubSettings = observer(function HubSettings() {
  const { t } = useTranslation()
  const { session } = useRoot()
  const [status, setStatus] = useState<HubStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const admin = session.user?.role === 'admin'
  useEffect(() => {
    if (!admin) return
    call('hub.status', {}).then(setStatus, (err: unknown) => setError(asDeskError(err).message))
  }, [admin])
  if (!admin) return null
  if (error || !status)
    return (
      <article className="card settings-card hub-card" aria-labelledby="hub-card-title">
        <h2 id="hub-card-title">{t('hub.card.title')}</h2>
        {error ? (
          <p className="hub-card__error" role="alert">
            {error}
          </p>
        ) : (
          <p className="muted">{t('hub.card.looking')}</p>
        )}
      </article>
    )
  if (status.mode === 'connected') return <JoinedHub status={status} />
  if (status.control)
    return (
      <>
        <ShareHub status={status} onChange={setStatus} />
        <ConnectHub shared={status.mode === 'hub'} />
      </>
    )
  return (
    <article className="card settings-card hub-card" aria-labelledby="hub-card-title">
      <h2 id="hub-card-title">{t('hub.card.title')}</h2>
      {status.url ? (
        <>
          <p className="muted">{t('hub.card.servedHub')}</p>
          <HubFacts url={status.url} fingerprint={status.fingerprint} />
        </>
      ) : (
        <p className="muted">{t('hub.card.servedOwn', { command: 'npm run serve -- --lan --port 8443' })}</p>
      )}
    </article>
  )
})
