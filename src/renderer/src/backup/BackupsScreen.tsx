import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount, formatDigits } from '../../../shared/labels'
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
import { Badge, Dialog, Pager, type Tone, PageHeader } from '../ui'
import { formatDateTime } from '../../../shared/format'

const BADGE: Record<BackupVerification, Tone> = {
  verified: 'success',
  damaged: 'danger',
  unverified: 'warning',
}

/** The tables a restore's confirmation counts, by their names in the catalogue (backup.table). */
const KEY_TABLES = ['hospitals', 'users', 'bookings', 'transactions', 'blood_requests'] as const

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
  const { t } = useTranslation()
  const kind = t(`backup.job.${job.kind}`)
  const phase = t(`backup.phase.${job.phase}`)
  return (
    <article className="card job-card" aria-live="polite">
      <div className="job-card__head">
        <strong>{kind}</strong>
        <span className="muted">
          {phase}… {formatDigits(job.percent)}%
        </span>
      </div>
      <ProgressBar percent={job.percent} label={`${kind}: ${phase}`} />
      {job.file && <div className="muted mono job-card__file">{job.file}</div>}
      <p className="muted job-card__note">{t('backup.keepsWorking')}</p>
    </article>
  )
}

function StateBadge({ state }: { state: BackupVerification }) {
  const { t } = useTranslation()
  return (
    <Badge tone={BADGE[state]} title={t(`backup.verificationTitle.${state}`)}>
      {t(`backup.verification.${state}`)}
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
  const { t } = useTranslation()

  return (
    <section className="page backups">
      <PageHeader title={t('backup.screen.title')} subtitle={t('backup.screen.subtitle')}>
        <div className="actions">
          {isElectron && (
            <span className="muted backups__hint">
              {t('backup.screen.menuHint')} <kbd>{t('backup.screen.menuFile')}</kbd> →{' '}
              <kbd>{t('backup.screen.menuExport')}</kbd> {t('backup.screen.menuHintEnd')}
            </span>
          )}
          <button
            className="btn btn--primary"
            onClick={() => void backups.exportNow()}
            disabled={backups.busy}
          >
            {backups.exporting ? t('backup.screen.exporting') : t('backup.screen.export')}
          </button>
        </div>
      </PageHeader>

      {list?.running && <JobCard job={list.running} />}
      {backups.exported && (
        <div className="banner banner--success" role="status">
          {t('backup.screen.exportedLead')} <strong>{backups.exported.file}</strong>{' '}
          {t('backup.screen.exportedRest', {
            size: formatBytes(backups.exported.sizeBytes),
            rows: formatCount(totalRows(backups.exported.manifest.tables)),
          })}
        </div>
      )}
      {backups.restored && (
        <div className="banner banner--success" role="status">
          {t('backup.screen.restored', { when: formatDateTime(backups.restored.backup.createdAt) })}
          {backups.restored.preRestorePath && (
            <>
              {' '}
              {t('backup.screen.keptAs')}
              <span className="mono banner__path">{backups.restored.preRestorePath}</span>
            </>
          )}
        </div>
      )}
      <ErrorBanner error={backups.error} />
      {list?.lastError && (
        <div className="banner banner--danger" role="alert">
          {t('backup.screen.autoFailed', {
            when: formatDateTime(list.lastError.at),
            message: list.lastError.message,
          })}
        </div>
      )}

      <div className="backup-facts">
        <article className="card stat">
          <div className="stat__label">{t('backup.screen.newest')}</div>
          <div className="stat__value">
            {newest ? formatDateTime(newest.createdAt) : t('backup.screen.noneYet')}
          </div>
          <div className="muted stat__sub">
            {newest ? formatBytes(newest.sizeBytes) : t('backup.screen.exportOne')}
          </div>
        </article>
        <article className="card stat">
          <div className="stat__label">{t('backup.screen.automatic')}</div>
          <div className="stat__value">{t('backup.screen.daily')}</div>
          <div className="muted stat__sub">
            {t('backup.screen.kept', { days: list?.retentionDays ?? 30 })}
          </div>
        </article>
        <article className="card stat stat--wide">
          <div className="stat__label">{t('backup.screen.folder')}</div>
          <div className="mono stat__path">{list?.folder ?? '…'}</div>
        </article>
      </div>

      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('backup.screen.taken')}</th>
              <th>{t('backup.screen.file')}</th>
              <th>{t('backup.screen.kind')}</th>
              <th className="num">{t('backup.screen.size')}</th>
              <th className="num">{t('backup.screen.bookings')}</th>
              <th>{t('backup.screen.state')}</th>
              <th aria-label={t('backup.screen.actions')} />
            </tr>
          </thead>
          <tbody>
            {list?.items.map((b) => (
              <BackupRow key={b.file} entry={b} />
            ))}
          </tbody>
        </table>
        {list && list.total === 0 && <div className="empty">{t('backup.screen.empty')}</div>}
      </div>
      {list && (
        <Pager
          offset={backups.offset}
          pageSize={BACKUPS_PAGE}
          total={list.total}
          onPage={(o) => backups.page(o)}
          words="backup.screen.pager"
        />
      )}
      {backups.confirming && <ConfirmRestore backup={backups.confirming} />}
    </section>
  )
})

const BackupRow = observer(function BackupRow({ entry }: { entry: BackupEntry }) {
  const { backups } = useStores()
  const checking = backups.checking === entry.file
  const { t } = useTranslation()
  return (
    <tr>
      <td className="nowrap">{formatDateTime(entry.createdAt)}</td>
      <td className="mono backups__file">{entry.file}</td>
      <td>
        {entry.kind === 'automatic'
          ? t('backup.screen.kindAutomatic')
          : entry.kind === 'manual'
            ? t('backup.screen.kindExported')
            : '—'}
      </td>
      <td className="num">{formatBytes(entry.sizeBytes)}</td>
      <td className="num">{entry.manifest ? formatCount(entry.manifest.tables.bookings ?? 0) : '—'}</td>
      <td>
        <StateBadge state={entry.verification} />
      </td>
      <td className="num">
        <button
          className="btn btn--small"
          disabled={backups.busy || entry.verification === 'damaged'}
          onClick={() => void backups.check(entry.file)}
          aria-label={t('backup.screen.restoreLabel', { file: entry.file })}
        >
          {checking ? t('backup.screen.checking') : t('backup.screen.restore')}
        </button>
      </td>
    </tr>
  )
})

const ConfirmRestore = observer(function ConfirmRestore({ backup }: { backup: VerifiedBackup }) {
  const { backups } = useStores()
  const { t } = useTranslation()
  const when = backup.createdAt ? formatDateTime(backup.createdAt) : t('backup.confirm.unknownDate')
  const close = () => {
    if (!backups.restoring) backups.cancelRestore()
  }
  return (
    <Dialog
      title={t('backup.confirm.title', { when })}
      subtitle={
        [
          backup.workstation && t('backup.confirm.takenOn', { workstation: backup.workstation }),
          backup.appVersion && t('backup.confirm.app', { version: backup.appVersion }),
          t('backup.confirm.schema', { version: backup.schemaVersion }),
        ]
          .filter(Boolean)
          .join(' · ') || undefined
      }
      onClose={close}
    >
      <p className="backup-check">
        <Badge tone="success">{t('backup.confirm.checked')}</Badge> {t('backup.confirm.checkedText')}
      </p>
      <dl className="restore-counts">
        {KEY_TABLES.filter((table) => table in backup.tables).map((table) => (
          <div key={table}>
            <dt>{t(`backup.table.${table}`)}</dt>
            <dd>{formatCount(backup.tables[table]!)}</dd>
          </div>
        ))}
      </dl>
      <div className="banner banner--warning restore-note">
        {t('backup.confirm.noteLead')} <span className="mono">…pre-restore-…</span>
        {t('backup.confirm.noteRest', { when })}
      </div>
      {backups.restoring && <RestoreProgress job={backups.list?.running} />}
      <div className="dialog__actions">
        <button className="btn" onClick={close} disabled={backups.restoring}>
          {t('backup.confirm.cancel')}
        </button>
        <button
          className="btn btn--danger"
          onClick={() => void backups.restore()}
          disabled={backups.restoring}
        >
          {backups.restoring ? t('backup.confirm.restoring') : t('backup.confirm.restore')}
        </button>
      </div>
    </Dialog>
  )
})

function RestoreProgress({ job }: { job: BackupJob | null | undefined }) {
  const { t } = useTranslation()
  if (!job) return null
  const phase = t(`backup.phase.${job.phase}`)
  return (
    <div className="restore-progress">
      <span className="muted">
        {phase}… {formatDigits(job.percent)}%
      </span>
      <ProgressBar percent={job.percent} label={`${t(`backup.job.${job.kind}`)}: ${phase}`} />
    </div>
  )
}
