import { observer } from 'mobx-react-lite'
import { Trans, useTranslation } from 'react-i18next'
import { formatCount } from '../../../shared/labels'
import { i18n } from '../i18n'
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
/** A backup's check, named in the current language (read afresh, like labels.ts). */
export const VERIFICATION_LABEL: Readonly<Record<BackupVerification, string>> = Object.freeze(
  Object.defineProperties({} as Record<BackupVerification, string>, {
    verified: { enumerable: true, get: () => i18n.t('backup.verification.verified') },
    damaged: { enumerable: true, get: () => i18n.t('backup.verification.damaged') },
    unverified: { enumerable: true, get: () => i18n.t('backup.verification.unverified') },
  }),
)

// ---- Admin --------------------------------------------------------------------------------------

export const AdminOverview = observer(function AdminOverview({ store }: { store: OverviewStore }) {
  const go = useGo()
  const hospitals = store.pendingHospitals.value
  const report = store.report.value
  const newest = store.newestBackup.value
  const lastBackup = report?.lastBackup ?? null
  const integrity = report?.lastIntegrityCheck ?? null
  const { t } = useTranslation()
  return (
    <div className="overview__grid">
      <Card
        title={t('overview.hospitals.title')}
        testId="overview-pending-hospitals"
        action={<Link onClick={() => go.area('hospitals')}>{t('overview.hospitals.review')}</Link>}
      >
        <ErrorBanner error={store.pendingHospitals.error} />
        {hospitals && (
          <>
            <div className="big-number">
              <Trans
                i18nKey="overview.hospitals.count"
                count={hospitals.total}
                values={{ n: formatCount(hospitals.total) }}
                components={{ n: <strong data-testid="overview-pending-hospitals-count" /> }}
              />
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
              <p className="muted">{t('overview.hospitals.none')}</p>
            )}
          </>
        )}
      </Card>

      <Card
        title={t('overview.availability.across', {
          count: store.hospitalCount,
          n: formatCount(store.hospitalCount),
        })}
        testId="overview-availability"
        action={<Link onClick={() => go.area('board')}>{t('overview.availability.board')}</Link>}
      >
        <ErrorBanner error={store.resources.error} />
        <ResourceBars store={store} />
      </Card>

      <Card
        title={t('overview.backup.title')}
        testId="overview-backup"
        action={
          <>
            <Link onClick={() => go.area('backups')}>{t('overview.backup.history')}</Link>
            <Link onClick={() => go.area('maintenance')}>{t('overview.backup.health')}</Link>
          </>
        }
      >
        <ErrorBanner error={store.report.error ?? store.newestBackup.error} />
        {newest?.lastError && (
          <div className="banner banner--danger">
            {t('overview.backup.failed', {
              when: formatFromNow(newest.lastError.at),
              message: newest.lastError.message,
            })}
          </div>
        )}
        {report && (
          <dl className="facts overview__facts">
            <dt>{t('overview.backup.last')}</dt>
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
                <span className="overview__warn">{t('overview.backup.none')}</span>
              )}
            </dd>
            <dt>{t('overview.backup.integrity')}</dt>
            <dd data-testid="overview-integrity">
              {integrity ? (
                <>
                  <Badge tone={integrity.ok ? 'success' : 'danger'}>
                    {integrity.ok
                      ? t('overview.backup.passed')
                      : t('overview.backup.problems', { count: integrity.problems.length })}
                  </Badge>{' '}
                  <span className="muted small">{formatFromNow(integrity.at)}</span>
                </>
              ) : (
                <span className="muted">{t('overview.backup.notRun')}</span>
              )}
            </dd>
            <dt>{t('overview.backup.size')}</dt>
            <dd>{formatBytes(report.databaseBytes + report.walBytes)}</dd>
          </dl>
        )}
      </Card>
    </div>
  )
})
