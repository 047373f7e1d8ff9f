import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { formatBytes } from '../../../shared/contract/backup'
import type { MaintenanceResult, MaintenanceTask } from '../../../shared/contract/maintenance'
import { ErrorBanner } from '../components/Form'
import { useStores } from '../stores/root'
import { Dialog, formatDateTime } from './AdminUi'
import '../backups.css'
import '../maintenance.css'

const TASKS: { task: MaintenanceTask; title: string; description: string; button: string }[] = [
  {
    task: 'integrity',
    title: 'Integrity check',
    description:
      'SQLite’s integrity and foreign-key checks, the resource invariant (available + occupied + reserved + maintenance = total), and every resource’s audit trail replayed.',
    button: 'Check now',
  },
  {
    task: 'analyze',
    title: 'Analyze',
    description: 'Refresh the statistics the query planner uses to choose indexes.',
    button: 'Analyze',
  },
  {
    task: 'optimize',
    title: 'Optimize',
    description: 'Let SQLite run the optimisations it judges worthwhile (PRAGMA optimize).',
    button: 'Optimize',
  },
  {
    task: 'vacuum',
    title: 'Vacuum',
    description: 'Rewrite the file to give free pages back to the disk. The desk pauses while it runs.',
    button: 'Vacuum',
  },
  {
    task: 'cleanup',
    title: 'Clean up',
    description:
      'Delete old read notifications and expire blood requests past their date. Shows the counts first; bookings and the audit trail are never touched.',
    button: 'Clean up…',
  },
]

function outcome(result: MaintenanceResult): { tone: 'success' | 'danger'; text: string } | null {
  switch (result.task) {
    case 'integrity':
      return result.ok
        ? {
            tone: 'success',
            text: `No problems: integrity ok, no broken references, invariant holds, ${result.audit.checked} resources’ audit trails agree (${result.audit.replayed} rows replayed).`,
          }
        : { tone: 'danger', text: `${result.problems.length} problem(s) found.` }
    case 'vacuum':
      return {
        tone: 'success',
        text: `Freed ${formatBytes(result.freedBytes)} (${formatBytes(result.bytesBefore)} → ${formatBytes(result.bytesAfter)}).`,
      }
    case 'cleanup':
      return result.applied
        ? {
            tone: 'success',
            text: result.items
              .filter((i) => i.id !== 'stalePendingBookings')
              .map((i) => `${i.label}: ${i.count}`)
              .join(' · '),
          }
        : null
    default:
      return { tone: 'success', text: result.summary }
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

  return (
    <section className="page maintenance">
      <header className="page__header">
        <div>
          <h1>Maintenance</h1>
          <p className="muted">
            The health of this desk’s database, and the upkeep that keeps it fast and whole.
          </p>
        </div>
        <button className="btn" onClick={() => void maintenance.load()} disabled={maintenance.loading}>
          Refresh
        </button>
      </header>
      <ErrorBanner error={maintenance.error} />
      {r && (
        <div
          role="note"
          className={`banner encryption-state ${r.encrypted ? 'banner--success' : 'banner--warning'}`}
          aria-label="Encryption"
        >
          {r.encrypted ? (
            <>
              <strong>Encrypted.</strong> The database file and its backups are SQLCipher-encrypted (AES-256):
              unreadable without this desk’s key or its recovery code.
            </>
          ) : (
            <>
              <strong>Not encrypted.</strong> Anyone holding the database file or a backup can read every
              patient in it. Encrypt it with <code>npm run cli -- encrypt --key-file KEYFILE</code> while the
              desk is closed.
            </>
          )}
        </div>
      )}

      <div className="maintenance-stats">
        <article className="card stat">
          <div className="stat__label">Database</div>
          <div className="stat__value">{r ? formatBytes(r.pageCount * r.pageSize) : '…'}</div>
          <div className="muted stat__sub">
            {r
              ? `On disk ${formatBytes(r.databaseBytes)} + ${formatBytes(r.walBytes)} WAL · schema ${r.schemaVersion}`
              : ''}
          </div>
        </article>
        <article className="card stat">
          <div className="stat__label">Pages</div>
          <div className="stat__value">{r ? r.pageCount.toLocaleString() : '…'}</div>
          <div className="muted stat__sub">
            {r ? `${r.freePages.toLocaleString()} free · ${formatBytes(r.pageSize)} per page` : ''}
          </div>
        </article>
        <article className="card stat">
          <div className="stat__label">Last backup</div>
          <div className={`stat__value${r && !r.lastBackup ? ' is-bad' : ''}`}>
            {r ? (r.lastBackup ? formatDateTime(r.lastBackup.at) : 'Never') : '…'}
          </div>
          <button className="link-button stat__sub" onClick={() => ui.go('backups')}>
            Open Backups →
          </button>
        </article>
        <article className="card stat">
          <div className="stat__label">Last integrity check</div>
          <div className={`stat__value${integrity ? (integrity.ok ? ' is-good' : ' is-bad') : ''}`}>
            {r
              ? integrity
                ? integrity.ok
                  ? 'No problems'
                  : `${integrity.problems.length} problem(s)`
                : 'Never'
              : '…'}
          </div>
          <div className="muted stat__sub">{integrity ? formatDateTime(integrity.at) : 'Run one below'}</div>
        </article>
      </div>

      <div className="maintenance-grid">
        <article className="card">
          <h2>Tasks</h2>
          <ul className="tasks">
            {TASKS.map((t) => {
              const result = maintenance.results[t.task]
              const shown = result ? outcome(result) : null
              return (
                <li key={t.task} className="task">
                  <div className="task__text">
                    <h3>{t.title}</h3>
                    <p className="muted">{t.description}</p>
                    {shown && (
                      <p className={`task__result task__result--${shown.tone}`} role="status">
                        {shown.text}
                      </p>
                    )}
                    {t.task === 'integrity' && problems.length > 0 && (
                      <ul className="problems">
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
                      void (t.task === 'cleanup' ? maintenance.previewCleanup() : maintenance.run(t.task))
                    }
                  >
                    {maintenance.running === t.task ? 'Running…' : t.button}
                  </button>
                </li>
              )
            })}
          </ul>
        </article>

        <div className="maintenance-side">
          <article className="card">
            <h2>Housekeeping</h2>
            <ul className="housekeeping">
              {r?.housekeeping.map((h) => (
                <li key={h.id}>
                  <span className={`housekeeping__count${h.count ? ' is-due' : ''}`}>
                    {h.count.toLocaleString()}
                  </span>
                  <span>
                    {h.label}
                    <span className="muted housekeeping__action">{h.action}</span>
                  </span>
                </li>
              ))}
            </ul>
          </article>
          <article className="card card--flush">
            <h2 className="card__title">Rows per table</h2>
            <table className="table table--rows">
              <tbody>
                {r?.tables.map((t) => (
                  <tr key={t.name}>
                    <td className="mono">{t.name}</td>
                    <td className="num">{t.rows.toLocaleString()}</td>
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
  const close = () => {
    if (maintenance.running === null) maintenance.closeCleanup()
  }
  return (
    <Dialog
      title="Clean up the database?"
      subtitle="What cleanup finds now, and what it does."
      onClose={close}
    >
      <ul className="housekeeping housekeeping--dialog">
        {items.map((h) => (
          <li key={h.id}>
            <span className={`housekeeping__count${h.count ? ' is-due' : ''}`}>
              {h.count.toLocaleString()}
            </span>
            <span>
              {h.label}
              <span className="muted housekeeping__action">{h.action}</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button className="btn" onClick={close} disabled={maintenance.running !== null}>
          Cancel
        </button>
        <button
          className="btn btn--primary"
          onClick={() => void maintenance.confirmCleanup()}
          disabled={maintenance.running !== null || changes === 0}
        >
          {changes === 0
            ? 'Nothing to clean up'
            : `Clean up ${changes.toLocaleString()} row${changes === 1 ? '' : 's'}`}
        </button>
      </div>
    </Dialog>
  )
})
