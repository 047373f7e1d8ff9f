import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import {
  formatBytes,
  type BackupEntry,
  type BackupJob,
  type BackupVerification,
  type VerifiedBackup,
} from '../../../shared/contract/backup'
import { isElectron } from '../api/client'
import { ErrorBanner } from '../ui/Field'
import { BACKUPS_PAGE } from './backups'
import { useStores } from '../stores/root'
import './backups.css'
import { Badge, Dialog, Pager, type Tone } from '../ui'
import { formatDateTime } from '../../../shared/format'

const STATE: Record<BackupVerification, { label: string; badge: Tone; title: string }> = {
  verified: {
    label: 'Verified',
    badge: 'success',
    title: 'Checked when it was made (decompressed, integrity, foreign keys, row counts) and still whole.',
  },
  damaged: {
    label: 'Damaged',
    badge: 'danger',
    title: 'The file is not whole: it cannot be restored.',
  },
  unverified: {
    label: 'Not verified',
    badge: 'warning',
    title: 'No manifest (made by another tool): it is checked in full before any restore.',
  },
}

const PHASE: Record<BackupJob['phase'], string> = {
  snapshot: 'Copying a consistent snapshot',
  compress: 'Compressing',
  verify: 'Verifying',
  restore: 'Putting the backup in place',
  check: 'Checking',
}

const JOB: Record<BackupJob['kind'], string> = {
  export: 'Backup',
  automatic: 'Automatic backup',
  'restore-check': 'Checking a backup',
  restore: 'Restore',
  maintenance: 'Maintenance',
}

const KEY_TABLES: [string, string][] = [
  ['hospitals', 'Hospitals'],
  ['users', 'Staff accounts'],
  ['bookings', 'Bookings'],
  ['transactions', 'Payments'],
  ['blood_requests', 'Blood requests'],
]

function totalRows(tables: Record<string, number>): number {
  return Object.values(tables).reduce((a, b) => a + b, 0)
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  )
}

function JobCard({ job }: { job: BackupJob }) {
  return (
    <article className="card job-card" aria-live="polite">
      <div className="job-card__head">
        <strong>{JOB[job.kind]}</strong>
        <span className="muted">
          {PHASE[job.phase]}… {job.percent}%
        </span>
      </div>
      <ProgressBar percent={job.percent} label={`${JOB[job.kind]}: ${PHASE[job.phase]}`} />
      {job.file && <div className="muted mono job-card__file">{job.file}</div>}
      <p className="muted job-card__note">The desk keeps working while this runs.</p>
    </article>
  )
}

function StateBadge({ state }: { state: BackupVerification }) {
  const s = STATE[state]
  return (
    <Badge tone={s.badge} title={s.title}>
      {s.label}
    </Badge>
  )
}

/** The Backups area (admin): export now, the backups folder's contents, restore with confirmation. */
export const BackupsScreen = observer(function BackupsScreen() {
  const { backups } = useStores()
  useEffect(() => {
    void backups.load()
    return () => backups.unwatch()
  }, [backups])
  const list = backups.list
  const newest = list?.items.find((i) => i.verification === 'verified') ?? null

  return (
    <section className="page backups">
      <header className="page__header">
        <div>
          <h1>Backups</h1>
          <p className="muted">
            Verified, compressed snapshots of this desk’s database, taken while the desk keeps working.
          </p>
        </div>
        <div className="actions">
          {isElectron && (
            <span className="muted backups__hint">
              Or <kbd>File</kbd> → <kbd>Export Backup…</kbd> to choose where it goes
            </span>
          )}
          <button
            className="btn btn--primary"
            onClick={() => void backups.exportNow()}
            disabled={backups.busy}
          >
            {backups.exporting ? 'Backing up…' : 'Export backup now'}
          </button>
        </div>
      </header>

      {list?.running && <JobCard job={list.running} />}
      {backups.exported && (
        <div className="banner banner--success" role="status">
          Backup verified: <strong>{backups.exported.file}</strong> ({formatBytes(backups.exported.sizeBytes)}
          , {totalRows(backups.exported.manifest.tables).toLocaleString()} rows). It decompressed, passed the
          integrity and foreign-key checks, and holds the same rows as the desk did.
        </div>
      )}
      {backups.restored && (
        <div className="banner banner--success" role="status">
          Restored the backup of {formatDateTime(backups.restored.backup.createdAt)}.
          {backups.restored.preRestorePath && (
            <>
              {' '}
              The database it replaced is kept as
              <span className="mono banner__path">{backups.restored.preRestorePath}</span>
            </>
          )}
        </div>
      )}
      <ErrorBanner error={backups.error} />
      {list?.lastError && (
        <div className="banner banner--danger" role="alert">
          The automatic backup of {formatDateTime(list.lastError.at)} failed: {list.lastError.message}
        </div>
      )}

      <div className="backup-facts">
        <article className="card stat">
          <div className="stat__label">Newest verified backup</div>
          <div className="stat__value">{newest ? formatDateTime(newest.createdAt) : 'None yet'}</div>
          <div className="muted stat__sub">{newest ? formatBytes(newest.sizeBytes) : 'Export one now'}</div>
        </article>
        <article className="card stat">
          <div className="stat__label">Automatic backups</div>
          <div className="stat__value">Daily</div>
          <div className="muted stat__sub">
            Kept {list?.retentionDays ?? 30} days; the newest is always kept
          </div>
        </article>
        <article className="card stat stat--wide">
          <div className="stat__label">Backups folder</div>
          <div className="mono stat__path">{list?.folder ?? '…'}</div>
        </article>
      </div>

      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Taken</th>
              <th>File</th>
              <th>Kind</th>
              <th className="num">Size</th>
              <th className="num">Bookings</th>
              <th>State</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list?.items.map((b) => (
              <BackupRow key={b.file} entry={b} />
            ))}
          </tbody>
        </table>
        {list && list.total === 0 && (
          <div className="empty">
            No backups yet. The desk takes one automatically when it starts each day; export one now to be
            sure.
          </div>
        )}
      </div>
      {list && (
        <Pager
          offset={backups.offset}
          pageSize={BACKUPS_PAGE}
          total={list.total}
          onPage={(o) => backups.page(o)}
          noun="backups"
        />
      )}
      {backups.confirming && <ConfirmRestore backup={backups.confirming} />}
    </section>
  )
})

const BackupRow = observer(function BackupRow({ entry }: { entry: BackupEntry }) {
  const { backups } = useStores()
  const checking = backups.checking === entry.file
  return (
    <tr>
      <td className="nowrap">{formatDateTime(entry.createdAt)}</td>
      <td className="mono backups__file">{entry.file}</td>
      <td>{entry.kind === 'automatic' ? 'Automatic' : entry.kind === 'manual' ? 'Exported' : '—'}</td>
      <td className="num">{formatBytes(entry.sizeBytes)}</td>
      <td className="num">{entry.manifest ? (entry.manifest.tables.bookings ?? 0).toLocaleString() : '—'}</td>
      <td>
        <StateBadge state={entry.verification} />
      </td>
      <td className="num">
        <button
          className="btn btn--small"
          disabled={backups.busy || entry.verification === 'damaged'}
          onClick={() => void backups.check(entry.file)}
          aria-label={`Restore ${entry.file}`}
        >
          {checking ? 'Checking…' : 'Restore…'}
        </button>
      </td>
    </tr>
  )
})

const ConfirmRestore = observer(function ConfirmRestore({ backup }: { backup: VerifiedBackup }) {
  const { backups } = useStores()
  const when = backup.createdAt ? formatDateTime(backup.createdAt) : 'an unknown date'
  const close = () => {
    if (!backups.restoring) backups.cancelRestore()
  }
  return (
    <Dialog
      title={`Restore the backup of ${when}?`}
      subtitle={
        [
          backup.workstation && `Taken on ${backup.workstation}`,
          backup.appVersion && `RapidCare Desk ${backup.appVersion}`,
          `schema version ${backup.schemaVersion}`,
        ]
          .filter(Boolean)
          .join(' · ') || undefined
      }
      onClose={close}
    >
      <p className="backup-check">
        <Badge tone="success">Checked</Badge> It decompresses, passes the integrity and foreign-key checks,
        and is a RapidCare database this app can open.
      </p>
      <dl className="restore-counts">
        {KEY_TABLES.filter(([t]) => t in backup.tables).map(([t, label]) => (
          <div key={t}>
            <dt>{label}</dt>
            <dd>{backup.tables[t]!.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      <div className="banner banner--warning restore-note">
        The current database is set aside (kept beside it as <span className="mono">…pre-restore-…</span>) and
        replaced by this backup: anything entered after {when} will not be in the desk. Anyone signed in who
        is not in this backup is signed out.
      </div>
      {backups.restoring && <RestoreProgress job={backups.list?.running} />}
      <div className="dialog__actions">
        <button className="btn" onClick={close} disabled={backups.restoring}>
          Cancel
        </button>
        <button
          className="btn btn--danger"
          onClick={() => void backups.restore()}
          disabled={backups.restoring}
        >
          {backups.restoring ? 'Restoring…' : 'Restore this backup'}
        </button>
      </div>
    </Dialog>
  )
})

function RestoreProgress({ job }: { job: BackupJob | null | undefined }) {
  if (!job) return null
  return (
    <div className="restore-progress">
      <span className="muted">
        {PHASE[job.phase]}… {job.percent}%
      </span>
      <ProgressBar percent={job.percent} label={`${JOB[job.kind]}: ${PHASE[job.phase]}`} />
    </div>
  )
}
