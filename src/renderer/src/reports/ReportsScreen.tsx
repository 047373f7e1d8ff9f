import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import {
  MAX_OCCUPANCY_DAYS,
  OCCUPANCY_BUCKETS,
  type CensusReport,
  type CensusRow,
  type OccupancyBucketSize,
} from '../../../shared/contract/reports'
import { formatPercent, occupancyPercent } from '../../../shared/occupancy'
import { RESOURCE_TYPES, type ResourceType } from '../../../shared/schemas'
import { ErrorBanner } from '../components/Form'
import { RESOURCE_LABEL } from '../screens/AdminUi'
import { live } from '../live'
import { useStores } from '../stores/root'
import { CensusSheet } from './CensusSheet'
import { ExportPanel } from './ExportPanel'
import { CENSUS_FIGURES, longDate } from './figures'
import { OccupancyChart } from './OccupancyChart'
import { ReportsStore, today } from './store'
import styles from './reports.module.css'

const BUCKET_LABEL: Record<OccupancyBucketSize, string> = { hour: 'Hourly', day: 'Daily', week: 'Weekly' }
const BUCKET_HEAD: Record<OccupancyBucketSize, string> = { hour: 'Hour', day: 'Day', week: 'Week from' }

/** Census, occupancy over time and exports: what an authority needs at the end of a shift. */
export const ReportsScreen = observer(function ReportsScreen() {
  const { session } = useStores()
  const user = session.user!
  const [store] = useState(() => new ReportsStore(user.role === 'admin', user.hospitalId))
  const [printing, setPrinting] = useState(false)
  useEffect(() => {
    void store.start()
    // A booking moved or a count changed, here or at another desk: today's figures follow.
    return live.on(['bookings', 'resources'], () => store.refresh())
  }, [store])
  const ownName = store.hospitals.find((h) => h.id === store.hospitalId)?.name

  return (
    <section className="page page--wide">
      <header className="page__header">
        <div>
          <h1>Reports</h1>
          <p className="muted">
            {store.isAdmin ? (ownName ?? 'Every hospital') : (ownName ?? 'Your hospital')}: the daily census,
            occupancy over time and exports. Days run midnight to midnight on this workstation’s clock
            {store.census ? ` (${store.census.timeZone})` : ''}.
          </p>
        </div>
        <div className={styles.controls}>
          {store.isAdmin && (
            <label className={styles.control}>
              Hospital
              <select
                className="input"
                value={store.hospitalId ?? ''}
                onChange={(e) => store.set('hospitalId', e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">All hospitals</option>
                {store.hospitals.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className={styles.control}>
            Census day
            <input
              className="input"
              type="date"
              value={store.date}
              max={today()}
              onChange={(e) => e.target.value && store.set('date', e.target.value)}
            />
          </label>
          <button className="btn" disabled={!store.census} onClick={() => setPrinting(true)}>
            Print census
          </button>
        </div>
      </header>

      <div className={styles.grid}>
        <div>
          <Census store={store} />
          <Occupancy store={store} />
        </div>
        <ExportPanel store={store} />
      </div>
      {printing && store.census && (
        <CensusSheet report={store.census} printedBy={user.name} onClose={() => setPrinting(false)} />
      )}
    </section>
  )
})

function sum(
  rows: CensusRow[],
  key: 'admissions' | 'discharges' | 'referralsIn' | 'referralsOut' | 'registrations',
) {
  return rows.reduce((a, r) => a + r[key], 0)
}

const Census = observer(function Census({ store }: { store: ReportsStore }) {
  const report = store.census
  return (
    <div className="card" data-testid="census">
      <div className={styles.sectionHead}>
        <h2>Daily census, {longDate(store.date)}</h2>
        {store.censusLoading && <span className="muted">Counting…</span>}
      </div>
      <ErrorBanner error={store.censusError} />
      {!report && !store.censusError && <div className={styles.status}>Counting the day…</div>}
      {report && report.rows.length === 0 && (
        <div className="empty">No hospital has resources to count yet.</div>
      )}
      {report && report.rows.length > 0 && <CensusBody report={report} />}
    </div>
  )
})

function CensusBody({ report }: { report: CensusReport }) {
  const beds = report.rows.filter((r) => r.resourceType === 'beds')
  const bedOccupancy = occupancyPercent({
    occupied: beds.reduce((a, r) => a + r.occupiedAtMidnight, 0),
    total: beds.reduce((a, r) => a + r.total, 0),
    maintenance: beds.reduce((a, r) => a + r.maintenance, 0),
  })
  const kpis: [string, string][] = [
    ['Bed occupancy at midnight', formatPercent(bedOccupancy)],
    ['Admissions', sum(report.rows, 'admissions').toLocaleString()],
    ['Discharges', sum(report.rows, 'discharges').toLocaleString()],
    ['New registrations', sum(report.rows, 'registrations').toLocaleString()],
    ['Referrals in / out', `${sum(report.rows, 'referralsIn')} / ${sum(report.rows, 'referralsOut')}`],
  ]
  const single = new Set(report.rows.map((r) => r.hospitalId)).size === 1
  return (
    <>
      <div className={styles.kpis}>
        {kpis.map(([label, value]) => (
          <div key={label} className={styles.kpi}>
            <div className={styles.kpiLabel}>{label}</div>
            <div className={styles.kpiValue} data-testid={`kpi-${label}`}>
              {value}
            </div>
          </div>
        ))}
      </div>
      <div className={styles.scroll}>
        {single ? <FiguresByType rows={report.rows} /> : <FiguresByHospital rows={report.rows} />}
      </div>
    </>
  )
}

function FiguresByType({ rows }: { rows: CensusRow[] }) {
  return (
    <table className={styles.figures} aria-label="Census figures by resource">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          {rows.map((r) => (
            <th key={r.resourceType} scope="col">
              {RESOURCE_LABEL[r.resourceType]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {CENSUS_FIGURES.map((f) => (
          <tr key={f.label}>
            <th scope="row">{f.label}</th>
            {rows.map((r) => (
              <td key={r.resourceType}>{f.value(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function FiguresByHospital({ rows }: { rows: CensusRow[] }) {
  const columns = CENSUS_FIGURES.filter((f) => f.short)
  return (
    <table className={styles.figures} aria-label="Census figures by hospital">
      <thead>
        <tr>
          <th scope="col">Hospital</th>
          <th scope="col">Resource</th>
          {columns.map((c) => (
            <th key={c.label} scope="col" title={c.label}>
              {c.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.hospitalId}-${r.resourceType}`}>
            <th scope="row" className={styles.hospitalCell}>
              {r.hospitalName}
            </th>
            <td>{RESOURCE_LABEL[r.resourceType]}</td>
            {columns.map((c) => (
              <td key={c.label}>{c.value(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const Occupancy = observer(function Occupancy({ store }: { store: ReportsStore }) {
  const report = store.occupancy
  const hospital = store.hospitals.find((h) => h.id === store.chartHospitalId)?.name ?? report?.hospitalName
  return (
    <div className={`card ${styles.section}`} data-testid="occupancy">
      <div className={styles.sectionHead}>
        <div>
          <h2>Occupancy over time{hospital ? `: ${hospital}` : ''}</h2>
          {store.isAdmin && store.hospitalId === null && hospital && (
            <p className="muted">The first hospital; choose one above for another.</p>
          )}
        </div>
        <div className={styles.controls}>
          <label className={styles.control}>
            Resource
            <select
              className="input"
              value={store.resourceType}
              onChange={(e) => store.set('resourceType', e.target.value as ResourceType)}
            >
              {RESOURCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {RESOURCE_LABEL[t]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.control}>
            From
            <input
              className="input"
              type="date"
              value={store.from}
              max={store.to}
              onChange={(e) => e.target.value && store.set('from', e.target.value)}
            />
          </label>
          <label className={styles.control}>
            To
            <input
              className="input"
              type="date"
              value={store.to}
              min={store.from}
              onChange={(e) => e.target.value && store.set('to', e.target.value)}
            />
          </label>
          <label className={styles.control}>
            Buckets
            <select
              className="input"
              value={store.bucket}
              onChange={(e) => store.set('bucket', e.target.value as OccupancyBucketSize)}
            >
              {OCCUPANCY_BUCKETS.map((b) => (
                <option key={b} value={b}>
                  {BUCKET_LABEL[b]} (up to {MAX_OCCUPANCY_DAYS[b]} days)
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <ErrorBanner error={store.occupancyError} />
      {!report && !store.occupancyError && (
        <div className={styles.status}>
          {store.hospitals.length ? 'Replaying the audit trail…' : 'No hospital yet.'}
        </div>
      )}
      {report && report.buckets.length === 0 && (
        <div className={styles.status}>These days have not begun yet: nothing to show.</div>
      )}
      {report && report.buckets.length > 0 && (
        <>
          <OccupancyChart
            report={report}
            label={`${RESOURCE_LABEL[report.resourceType]} occupancy at ${report.hospitalName}, ${report.from} to ${report.to}; the figures are in the table below`}
          />
          <details className={styles.details}>
            <summary>Figures ({report.buckets.length} buckets)</summary>
            <div className={styles.scroll}>
              <table className={styles.figures} aria-label="Occupancy figures">
                <thead>
                  <tr>
                    <th scope="col">{BUCKET_HEAD[report.bucket]}</th>
                    <th scope="col">Occupied (avg / peak)</th>
                    <th scope="col">Reserved (avg / peak)</th>
                    <th scope="col">Maintenance (avg)</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {report.buckets.map((b) => (
                    <tr key={b.start}>
                      <th scope="row">{b.label}</th>
                      <td>
                        {b.occupied.average} / {b.occupied.peak}
                      </td>
                      <td>
                        {b.reserved.average} / {b.reserved.peak}
                      </td>
                      <td>{b.maintenance.average}</td>
                      <td>{b.total.peak}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </div>
  )
})
