import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { HubStatus } from '../../../shared/contract/hub'
import { call } from '../api/client'
import { useRoot } from '../stores/root'
import { ErrorBanner, Field } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { HubFacts } from './HubFacts'

/**
 * The hub's address and fingerprint, checked by main really connecting with the fingerprint pinned;
 * on success main writes the choice and the desk restarts on the hub's data. Used by Settings and by
 * the first-run screen.
 */
export function ConnectForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useTranslation()
  const [url, setUrl] = useState('')
  const [fingerprint, setFingerprint] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const { busy, error, setError, run } = useAction()

  function submit(e: FormEvent) {
    e.preventDefault()
    void run(async () => {
      const result = await call('hub.connect', { url, fingerprint })
      setError(null)
      setDone(t('hub.connect.restarting', { host: result.host }))
    })
  }

  if (done)
    return (
      <p className="banner banner--info" role="status" data-testid="hub-restarting">
        {done}
      </p>
    )
  return (
    <form onSubmit={submit} noValidate className="hub-form">
      <Field
        label={t('hub.connect.url')}
        name="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={error}
        placeholder="https://desk-1.hospital.lan:8443"
        spellCheck={false}
        autoComplete="off"
        autoFocus={autoFocus}
        hint={t('hub.connect.urlHint')}
      />
      <Field
        label={t('hub.connect.fingerprint')}
        name="fingerprint"
        value={fingerprint}
        onChange={(e) => setFingerprint(e.target.value)}
        error={error}
        placeholder="AA:BB:…"
        spellCheck={false}
        autoComplete="off"
        className="hub-form__fingerprint"
        hint={t('hub.connect.fingerprintHint')}
      />
      {error && !error.details?.field && <ErrorBanner error={error} />}
      <div className="settings-card__foot">
        <button className="btn btn--primary" type="submit" disabled={busy}>
          {busy ? t('hub.connect.checking') : t('hub.connect.submit')}
        </button>
      </div>
    </form>
  )
}

/** Settings → Connect to the hospital's desk (the application, an admin of a desk of its own). */
export function ConnectHub({ shared }: { shared: boolean }) {
  const { t } = useTranslation()
  return (
    <article className="card settings-card hub-card" aria-labelledby="hub-connect-title">
      <h2 id="hub-connect-title">{t('hub.connect.title')}</h2>
      {shared ? (
        <p className="muted">{t('hub.connect.sharedFirst')}</p>
      ) : (
        <>
          <p className="muted">{t('hub.connect.intro')}</p>
          <ConnectForm />
        </>
      )}
    </article>
  )
}

/** A desk joined to the hub: where, and the way back to its own data. */
export function JoinedHub({ status }: { status: HubStatus }) {
  const { t } = useTranslation()
  const { toasts } = useRoot()
  const { busy, error, run } = useAction()
  const hub = status.connectedTo!

  function leave() {
    if (!window.confirm(t('hub.connect.leaveConfirm'))) return
    void run(async () => {
      await call('hub.disconnect', {})
      toasts.show(t('hub.connect.left'), 'info')
    })
  }

  return (
    <article className="card settings-card hub-card" aria-labelledby="hub-joined-title">
      <h2 id="hub-joined-title">{t('hub.connect.title')}</h2>
      <p className="muted">{t('hub.connect.connectedTo', { url: hub.url })}</p>
      <HubFacts url={hub.url} fingerprint={hub.fingerprint} />
      {error && <ErrorBanner error={error} />}
      <div className="settings-card__foot">
        <button className="btn" type="button" onClick={leave} disabled={busy}>
          {busy ? t('hub.connect.leaving') : t('hub.connect.leave')}
        </button>
      </div>
    </article>
  )
}
