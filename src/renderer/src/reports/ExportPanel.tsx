import { observer } from 'mobx-react-lite'
import { useTranslation } from 'react-i18next'
import { i18n } from '../i18n'
import { formatCount } from '../../../shared/labels'
import { ErrorBanner } from '../ui'
import { EXPORT_KINDS, MAX_EXPORT_DAYS, type ExportFormat, type ExportKind } from './exporters'
import type { ReportsStore } from './store'
import styles from './reports.module.css'
import { DateTimeEntry } from '../ui/DateTimeEntry'

/** Why main did not save (its save dialog's answer), in the user's language where it is one we know. */
function savedReason(reason: string): string {
  if (reason === 'Cancelled.') return i18n.t('reports.export.cancelled')
  if (reason === 'Refused.') return i18n.t('reports.export.refused')
  return reason
}

/** Bookings, payments or the census of a date range, as CSV or XLSX, with its progress. */
export const ExportPanel = observer(function ExportPanel({ store }: { store: ReportsStore }) {
  const { t } = useTranslation()
  const p = store.progress
  const done = store.exported
  return (
    <form
      className="card"
      aria-labelledby="export-title"
      onSubmit={(e) => {
        e.preventDefault()
        void store.export()
      }}
    >
      <h2 id="export-title">{t('reports.export.title')}</h2>
      <p className="muted">
        {t('reports.export.intro', {
          scope:
            store.isAdmin && store.hospitalId === null
              ? t('reports.export.everyHospital')
              : t('reports.export.thisHospital'),
          n: formatCount(MAX_EXPORT_DAYS),
        })}
      </p>
      <div className={`${styles.controls} ${styles.section}`}>
        <label className={styles.control}>
          {t('reports.export.what')}
          <select
            className="input"
            value={store.exportKind}
            onChange={(e) => store.setExport('exportKind', e.target.value as ExportKind)}
          >
            {EXPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`reports.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.control}>
          {t('reports.export.format')}
          <select
            className="input"
            value={store.exportFormat}
            onChange={(e) => store.setExport('exportFormat', e.target.value as ExportFormat)}
          >
            <option value="csv">{t('reports.export.csv')}</option>
            <option value="xlsx">{t('reports.export.xlsx')}</option>
          </select>
        </label>
        <label className={styles.control}>
          {t('reports.export.firstDay')}
          <DateTimeEntry
            className="input"
            withTime={false}
            value={store.exportFrom}
            onChange={(day) => store.setExport('exportFrom', day)}
          />
        </label>
        <label className={styles.control}>
          {t('reports.export.lastDay')}
          <DateTimeEntry
            className="input"
            withTime={false}
            value={store.exportTo}
            onChange={(day) => store.setExport('exportTo', day)}
          />
        </label>
      </div>
      <div className={styles.section}>
        <button className="btn btn--primary" type="submit" disabled={store.exporting}>
          {store.exporting ? t('reports.export.busy') : t('reports.export.submit')}
        </button>
      </div>
      {p && (
        <div className={styles.progress} role="status">
          <progress max={p.total || 1} value={p.done} aria-label={t('reports.export.progress')} />
          <span className="muted">
            {p.total
              ? t('reports.export.progressOf', { done: formatCount(p.done), total: formatCount(p.total) })
              : t('reports.export.starting')}
          </span>
        </div>
      )}
      <ErrorBanner error={store.exportError} />
      {done && (
        <div
          className={`banner ${done.saved.how === 'not-saved' ? 'banner--warning' : 'banner--success'} ${styles.result}`}
          role="status"
        >
          {done.saved.how === 'saved' &&
            t('reports.export.saved', { count: done.rows, n: formatCount(done.rows), path: done.saved.path })}
          {done.saved.how === 'downloaded' &&
            t('reports.export.downloaded', {
              count: done.rows,
              n: formatCount(done.rows),
              file: done.fileName,
            })}
          {done.saved.how === 'not-saved' &&
            t('reports.export.notSaved', { reason: savedReason(done.saved.reason) })}
        </div>
      )}
    </form>
  )
})
