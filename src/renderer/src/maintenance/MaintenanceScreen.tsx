import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../../../shared/labels'
import { i18n } from '../i18n'
import { formatBytes } from '../../../shared/contract/backup'
import type { MaintenanceResult, MaintenanceTask } from '../../../shared/contract/maintenance'
import { ErrorBanner } from '../ui/Field'
import { useStores } from '../stores/root'
import '../backup/backups.css'
import './maintenance.css'
import { Dialog, PageHeader } from '../ui'
import { formatDateTime } from '../../../shared/format'

const TASKS: MaintenanceTask[] = ['integrity', 'analyze', 'optimize', 'vacuum', 'cleanup']

/** A housekeeping line main sent, in the current language: by its id, the number main put in kept. */
function housekeepingWords(h: { id: string; label: string; action: string }): {
  label: string
  action: string
} {
  const key = `maintenance.item.${h.id}`
  if (!i18n.exists(`${key}.label`)) return h
  const n = Number(/\d+/.exec(h.label)?.[0] ?? 0)
  return { label: i18n.t(`${key}.label`, { n }), action: i18n.t(`${key}.action`) }
}

function outcome(result: MaintenanceResult): { tone: 'success' | 'danger'; text: string } | null {
  const t = i18n.t
  switch (result.task) {
    case 'integrity':
      return result.ok
        ? {
            tone: 'success',
            text: t('maintenance.outcome.integrityOk', {
              checked: formatCount(result.audit.checked),
              replayed: formatCount(result.audit.replayed),
            }),
          }
        : { tone: 'danger', text: t('maintenance.outcome.integrityBad', { count: result.problems.length }) }
    case 'vacuum':
      return {
        tone: 'success',
        text: t('maintenance.outcome.vacuum', {
          freed: formatBytes(result.freedBytes),
          before: formatBytes(result.bytesBefore),
          after: formatBytes(result.bytesAfter),
        }),
      }
    case 'cleanup':
      return result.applied
        ? {
            tone: 'success',
            text: result.items
              .filter((i) => i.id !== 'stalePendingBookings')
              .map((i) => `${housekeepingWords(i).label}: ${formatCount(i.count)}`)
              .join(' · '),
          }
        : null
    default:
      return {
        tone: 'success',
        text: i18n.language === 'en' ? result.summary : t(`maintenance.outcome.${result.task}`),
      }
  }
}

/** The Maintenance area (admin): the database's health, and the upkeep tasks. */
export const MaintenanceScreen = observer(function MaintenanceScreen() {
  const { maintenance, ui } = useStores()
  useEffect(() => {
    void maintenance.load()
  }, [maintenance])
  const r = maintenance.report
  const integrity = r?.lastIntegrityCheck
  const problems =
    maintenance.results.integrity?.task === 'integrity' ? maintenance.results.integrity.problems : []
  const { t } = useTranslation()

  return (
    <section className="page maintenance">
      <PageHeader title={t('maintenance.title')} subtitle={t('maintenance.subtitle')}>
        <button className="btn" onClick={() => void maintenance.load()} disabled={maintenance.loading}>
          {t('maintenance.refresh')}
        </button>
      </PageHeader>
      <ErrorBanner error={maintenance.error} />
      {r && (
        <div
          role="note"
          className={`banner encryption-state ${r.encrypted ? 'banner--success' : 'banner--warning'}`}
          aria-label={t('maintenance.encryption')}
        >
          {r.encrypted ? (
            <>
              <strong>{t('maintenance.encrypted')}</strong> {t('maintenance.encryptedText')}
            </>
          ) : (
            <>
              <strong>{t('maintenance.notEncrypted')}</strong> {t('maintenance.notEncryptedText')}{' '}
              <code>npm run cli -- encrypt --key-file KEYFILE</code> {t('maintenance.notEncryptedEnd')}
            </>
          )}
        </div>
      )}

      <div className="maintenance-stats">
        <article className="card stat">
          <div className="stat__label">{t('maintenance.database')}</div>
          <div className="stat__value">{r ? formatBytes(r.pageCount * r.pageSize) : '…'}</div>
          <div className="muted stat__sub">
            {r
              ? t('maintenance.onDisk', {
                  db: formatBytes(r.databaseBytes),
                  wal: formatBytes(r.walBytes),
                  schema: r.schemaVersion,
                })
              : ''}
          </div>
        </article>
        <article className="card stat">
          <div className="stat__label">{t('maintenance.pages')}</div>
          <div className="stat__value">{r ? formatCount(r.pageCount) : '…'}</div>
          <div className="muted stat__sub">
            {r
              ? t('maintenance.pagesSub', { free: formatCount(r.freePages), size: formatBytes(r.pageSize) })
              : ''}
          </div>
        </article>
        <article className="card stat">
          <div className="stat__label">{t('maintenance.lastBackup')}</div>
          <div className={`stat__value${r && !r.lastBackup ? ' is-bad' : ''}`}>
            {r ? (r.lastBackup ? formatDateTime(r.lastBackup.at) : t('maintenance.never')) : '…'}
          </div>
          <button className="link-button stat__sub" onClick={() => ui.go('backups')}>
            {t('maintenance.openBackups')}
          </button>
        </article>
        <article className="card stat">
          <div className="stat__label">{t('maintenance.lastIntegrity')}</div>
          <div className={`stat__value${integrity ? (integrity.ok ? ' is-good' : ' is-bad') : ''}`}>
            {r
              ? integrity
                ? integrity.ok
                  ? t('maintenance.noProblems')
                  : t('maintenance.problems', { count: integrity.problems.length })
                : t('maintenance.never')
              : '…'}
          </div>
          <div className="muted stat__sub">
            {integrity ? formatDateTime(integrity.at) : t('maintenance.runOne')}
          </div>
        </article>
      </div>

      <div className="maintenance-grid">
        <article className="card">
          <h2>{t('maintenance.tasks')}</h2>
          <ul className="tasks">
            {TASKS.map((task) => {
              const result = maintenance.results[task]
              const shown = result ? outcome(result) : null
              return (
                <li key={task} className="task">
                  <div className="task__text">
                    <h3>{t(`maintenance.task.${task}.title`)}</h3>
                    <p className="muted">{t(`maintenance.task.${task}.description`)}</p>
                    {shown && (
                      <p className={`task__result task__result--${shown.tone}`} role="status">
                        {shown.text}
                      </p>
                    )}
                    {task === 'integrity' && problems.length > 0 && (
                      <ul className="task-problems">
                        {problems.slice(0, 20).map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <button
                    className="btn"
                    disabled={maintenance.running !== null}
                    onClick={() =>
                      void (task === 'cleanup' ? maintenance.previewCleanup() : maintenance.run(task))
                    }
                  >
                    {maintenance.running === task
                      ? t('maintenance.running')
                      : t(`maintenance.task.${task}.button`)}
                  </button>
                </li>
              )
            })}
          </ul>
        </article>

        <div className="maintenance-side">
          <article className="card">
            <h2>{t('maintenance.housekeeping')}</h2>
            <ul className="housekeeping">
              {r?.housekeeping.map((h) => (
                <li key={h.id}>
                  <span className={`housekeeping__count${h.count ? ' is-due' : ''}`}>
                    {formatCount(h.count)}
                  </span>
                  <span>
                    {housekeepingWords(h).label}
                    <span className="muted housekeeping__action">{housekeepingWords(h).action}</span>
                  </span>
                </li>
              ))}
            </ul>
          </article>
          <article className="card card--flush">
            <h2 className="card__title">{t('maintenance.rowsPerTable')}</h2>
            <table className="table table--rows">
              <tbody>
                {r?.tables.map((table) => (
                  <tr key={table.name}>
                    <td className="mono">{table.name}</td>
                    <td className="num">{formatCount(table.rows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        </div>
      </div>
      {maintenance.cleanupPreview && <ConfirmCleanup />}
    </section>
  )
})

const ConfirmCleanup = observer(function ConfirmCleanup() {
  const { maintenance } = useStores()
  const items = maintenance.cleanupPreview ?? []
  const changes = items.filter((i) => i.id !== 'stalePendingBookings').reduce((a, i) => a + i.count, 0)
  const { t } = useTranslation()
  const close = () => {
    if (maintenance.running === null) maintenance.closeCleanup()
  }
  return (
    <Dialog
      title={t('maintenance.confirm.title')}
      subtitle={t('maintenance.confirm.subtitle')}
      onClose={close}
    >
      <ul className="housekeeping housekeeping--dialog">
        {items.map((h) => (
          <li key={h.id}>
            <span className={`housekeeping__count${h.count ? ' is-due' : ''}`}>{formatCount(h.count)}</span>
            <span>
              {housekeepingWords(h).label}
              <span className="muted housekeeping__action">{housekeepingWords(h).action}</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button className="btn" onClick={close} disabled={maintenance.running !== null}>
          {t('maintenance.confirm.cancel')}
        </button>
        <button
          className="btn btn--primary"
          onClick={() => void maintenance.confirmCleanup()}
          disabled={maintenance.running !== null || changes === 0}
        >
          {changes === 0
            ? t('maintenance.confirm.nothing')
            : t('maintenance.confirm.rows', { count: changes, n: formatCount(changes) })}
        </button>
      </div>
    </Dialog>
  )
})
