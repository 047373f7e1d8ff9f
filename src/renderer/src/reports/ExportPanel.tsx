import { observer } from 'mobx-react-lite'
import { ErrorBanner } from '../components/Form'
import { EXPORT_KIND_LABEL, MAX_EXPORT_DAYS, type ExportFormat, type ExportKind } from './exporters'
import type { ReportsStore } from './store'
import styles from './reports.module.css'

/** Bookings, payments or the census of a date range, as CSV or XLSX, with its progress. */
export const ExportPanel = observer(function ExportPanel({ store }: { store: ReportsStore }) {
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
      <h2 id="export-title">Export</h2>
      <p className="muted">
        {store.isAdmin && store.hospitalId === null ? 'Every hospital' : 'This hospital'}, up to{' '}
        {MAX_EXPORT_DAYS} days. Bookings by their scheduled day, payments by the day they were recorded.
      </p>
      <div className={`${styles.controls} ${styles.section}`}>
        <label className={styles.control}>
          What
          <select
            className="input"
            value={store.exportKind}
            onChange={(e) => store.setExport('exportKind', e.target.value as ExportKind)}
          >
            {(Object.keys(EXPORT_KIND_LABEL) as ExportKind[]).map((k) => (
              <option key={k} value={k}>
                {EXPORT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.control}>
          Format
          <select
            className="input"
            value={store.exportFormat}
            onChange={(e) => store.setExport('exportFormat', e.target.value as ExportFormat)}
          >
            <option value="csv">CSV</option>
            <option value="xlsx">Excel (XLSX)</option>
          </select>
        </label>
        <label className={styles.control}>
          First day
          <input
            className="input"
            type="date"
            value={store.exportFrom}
            max={store.exportTo}
            onChange={(e) => store.setExport('exportFrom', e.target.value)}
          />
        </label>
        <label className={styles.control}>
          Last day
          <input
            className="input"
            type="date"
            value={store.exportTo}
            min={store.exportFrom}
            onChange={(e) => store.setExport('exportTo', e.target.value)}
          />
        </label>
      </div>
      <div className={styles.section}>
        <button className="btn btn--primary" type="submit" disabled={store.exporting}>
          {store.exporting ? 'Exporting…' : 'Export'}
        </button>
      </div>
      {p && (
        <div className={styles.progress} role="status">
          <progress max={p.total || 1} value={p.done} aria-label="Export progress" />
          <span className="muted">
            {p.total ? `${p.done.toLocaleString()} of ${p.total.toLocaleString()}` : 'Starting…'}
          </span>
        </div>
      )}
      <ErrorBanner error={store.exportError} />
      {done && (
        <div
          className={`banner ${done.saved.how === 'not-saved' ? 'banner--warning' : 'banner--success'} ${styles.result}`}
          role="status"
        >
          {done.saved.how === 'saved' && `Saved ${done.rows.toLocaleString()} rows to ${done.saved.path}.`}
          {done.saved.how === 'downloaded' &&
            `Downloaded ${done.fileName}: ${done.rows.toLocaleString()} rows.`}
          {done.saved.how === 'not-saved' && `Not saved: ${done.saved.reason}`}
        </div>
      )}
    </form>
  )
})
