import { observer } from 'mobx-react-lite'
import { useTranslation } from 'react-i18next'
import { i18n } from '../i18n'
import { formatCount } from '../../../shared/labels'
import { ErrorBanner, FilterSelect } from '../ui'
import { EXPORT_FORMATS, EXPORT_KINDS, MAX_EXPORT_DAYS } from './exporters'
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
          <FilterSelect
            label={t('reports.export.what')}
            values={EXPORT_KINDS}
            name={(k) => t(`reports.kind.${k}`)}
            value={store.exportKind}
            onChange={(k) => store.setExport('exportKind', k)}
            wide
          />
        </label>
        <label className={styles.control}>
          {t('reports.export.format')}
          <FilterSelect
            label={t('reports.export.format')}
            values={EXPORT_FORMATS}
            name={(f) => t(`reports.export.${f}`)}
            value={store.exportFormat}
            onChange={(f) => store.setExport('exportFormat', f)}
            wide
          />
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
