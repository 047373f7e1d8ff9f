import { observer } from 'mobx-react-lite'
import { formatBytes, type BackupVerification } from '../../../shared/contract/backup'
import { formatFromNow, formatWhen } from '../../../shared/format'
import { Badge, type Tone } from '../ui'
import { ErrorBanner } from '../ui/Field'
import { type OverviewStore } from './overview'
import { Card, Link, ResourceBars, useGo } from './parts'

export const VERIFICATION_BADGE: Record<BackupVerification, Tone> = {
  verified: 'success',
  damaged: 'danger',
  unverified: 'neutral',
}
export const VERIFICATION_LABEL: Record<BackupVerification, string> = {
  verified: 'Verified',
  damaged: 'Damaged',
  unverified: 'Not verified',
}

// ---- Admin --------------------------------------------------------------------------------------

export const AdminOverview = observer(function AdminOverview({ store }: { store: OverviewStore }) {
  const go = useGo()
  const hospitals = store.pendingHospitals.value
  const report = store.report.value
  const newest = store.newestBackup.value
  const lastBackup = report?.lastBackup ?? null
  const integrity = report?.lastIntegrityCheck ?? null
  return (
    <div className="overview__grid">
      <Card
        title="Hospitals waiting for approval"
        testId="overview-pending-hospitals"
        action={<Link onClick={() => go.area('hospitals')}>Review registrations</Link>}
      >
        <ErrorBanner error={store.pendingHospitals.error} />
        {hospitals && (
          <>
            <div className="big-number">
              <strong data-testid="overview-pending-hospitals-count">{hospitals.total}</strong>
              {hospitals.total === 1 ? 'hospital to review' : 'hospitals to review'}
            </div>
            {hospitals.items.length > 0 ? (
              <ul className="overview__list overview__list--plain">
                {hospitals.items.map((h) => (
                  <li key={h.id}>
                    <span className="overview__who">{h.name}</span>
                    <span className="overview__when">{formatWhen(h.createdAt)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Every registered hospital has been reviewed.</p>
            )}
          </>
        )}
      </Card>

      <Card
        title={`Availability across ${store.hospitalCount} ${store.hospitalCount === 1 ? 'hospital' : 'hospitals'}`}
        testId="overview-availability"
        action={<Link onClick={() => go.area('board')}>Open the board</Link>}
      >
        <ErrorBanner error={store.resources.error} />
        <ResourceBars store={store} />
      </Card>

      <Card
        title="Backups and maintenance"
        testId="overview-backup"
        action={
          <>
            <Link onClick={() => go.area('backups')}>Backup history</Link>
            <Link onClick={() => go.area('maintenance')}>Database health</Link>
          </>
        }
      >
        <ErrorBanner error={store.report.error ?? store.newestBackup.error} />
        {newest?.lastError && (
          <div className="banner banner--danger">
            The automatic backup failed {formatFromNow(newest.lastError.at)}: {newest.lastError.message}
          </div>
        )}
        {report && (
          <dl className="facts overview__facts">
            <dt>Last backup</dt>
            <dd data-testid="overview-last-backup">
              {lastBackup ? (
                <>
                  {newest?.entry && (
                    <Badge tone={VERIFICATION_BADGE[newest.entry.verification]}>
                      {VERIFICATION_LABEL[newest.entry.verification]}
                    </Badge>
                  )}{' '}
                  {formatFromNow(lastBackup.at)}
                  <div className="muted small overview__file" title={newest?.entry?.file ?? lastBackup.path}>
                    {newest?.entry?.file ?? lastBackup.path} · {formatBytes(lastBackup.sizeBytes)}
                  </div>
                </>
              ) : (
                <span className="overview__warn">No backup yet</span>
              )}
            </dd>
            <dt>Integrity check</dt>
            <dd data-testid="overview-integrity">
              {integrity ? (
                <>
                  <Badge tone={integrity.ok ? 'success' : 'danger'}>
                    {integrity.ok ? 'Passed' : `${integrity.problems.length} problems`}
                  </Badge>{' '}
                  <span className="muted small">{formatFromNow(integrity.at)}</span>
                </>
              ) : (
                <span className="muted">Not run yet</span>
              )}
            </dd>
            <dt>Database size</dt>
            <dd>{formatBytes(report.databaseBytes + report.walBytes)}</dd>
          </dl>
        )}
      </Card>
    </div>
  )
})
