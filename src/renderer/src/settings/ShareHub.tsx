import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { HubStatus } from '../../../shared/contract/hub'
import { call } from '../api/client'
import { useRoot } from '../stores/root'
import { ErrorBanner, Field } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { HubFacts } from './HubFacts'
import { readPort } from './hubForm'

/** Settings → Share this desk on the hospital network (the application, an admin). */
export function ShareHub({ status, onChange }: { status: HubStatus; onChange(s: HubStatus): void }) {
  const { t } = useTranslation()
  const { toasts } = useRoot()
  const [port, setPort] = useState(String(status.sharing?.port ?? 8443))
  const [hostName, setHostName] = useState(status.sharing?.hostName ?? '')
  const { busy, error, setError, run } = useAction()

  function share(e: FormEvent) {
    e.preventDefault()
    const parsed = readPort(port)
    if (!parsed.ok) return setError(parsed.error)
    void run(async () => {
      const next = await call('hub.share', { port: parsed.port, hostName: hostName.trim() || undefined })
      setError(null)
      onChange(next)
      toasts.show(t('hub.share.started', { url: next.url }))
    })
  }

  function stop() {
    if (!window.confirm(t('hub.share.stopConfirm'))) return
    void run(async () => {
      const next = await call('hub.unshare', {})
      onChange(next)
      toasts.show(t('hub.share.stopped'), 'info')
    })
  }

  return (
    <article className="card settings-card hub-card" aria-labelledby="hub-share-title">
      <h2 id="hub-share-title">{t('hub.share.title')}</h2>
      {status.url ? (
        <>
          <p className="muted">{t('hub.share.sharing')}</p>
          <HubFacts url={status.url} fingerprint={status.fingerprint} />
          {error && <ErrorBanner error={error} />}
          <div className="settings-card__foot">
            <button className="btn" type="button" onClick={stop} disabled={busy}>
              {busy ? t('hub.share.stopping') : t('hub.share.stop')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={share} noValidate>
          <p className="muted">{t('hub.share.intro')}</p>
          <div className="hub-form__row">
            <Field
              label={t('hub.share.port')}
              name="port"
              inputMode="numeric"
              value={port}
              onChange={(e) => setPort(e.target.value)}
              error={error}
              hint={t('hub.share.portHint')}
            />
            <Field
              label={t('hub.share.hostName')}
              name="hostName"
              value={hostName}
              onChange={(e) => setHostName(e.target.value)}
              error={error}
              spellCheck={false}
              autoComplete="off"
              hint={t('hub.share.hostNameHint')}
            />
          </div>
          {error && !error.details?.field && <ErrorBanner error={error} />}
          <div className="settings-card__foot">
            <button className="btn btn--primary" type="submit" disabled={busy}>
              {busy ? t('hub.share.starting') : t('hub.share.start')}
            </button>
          </div>
        </form>
      )}
    </article>
  )
}
