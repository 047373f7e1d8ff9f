import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  MAX_OCCUPANCY_DAYS,
  OCCUPANCY_BUCKETS,
  type CensusReport,
  type CensusRow,
} from '../../../shared/contract/reports'
import { formatPercent, occupancyPercent } from '../../../shared/occupancy'
import { RESOURCE_TYPES } from '../../../shared/schemas'
import { ErrorBanner, FilterSelect, idChoices, PageHeader } from '../ui'
import { formatCount, formatDigits, resourceTitle } from '../../../shared/labels'
import { formatDate, formatDateTime, formatLongDay } from '../../../shared/format'
import { live } from '../live'
import { useStores } from '../stores/root'
import { CensusSheet } from './CensusSheet'
import { ExportPanel } from './ExportPanel'
import { CENSUS_FIGURES, figureLabel, figureShort, longDate } from './figures'
import { OccupancyChart } from './OccupancyChart'
import { ReportsStore, today } from './store'
import styles from './reports.module.css'
import { DateTimeEntry } from '../ui/DateTimeEntry'

/** The day box's value once a whole day is typed or picked (yyyy-mm-dd); half a date changes nothing. */
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value)

/** Census, occupancy over time and exports: what an authority needs at the end of a shift. */
export const ReportsScreen = observer(function ReportsScreen() {
  const { t } = useTranslation()
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
      <PageHeader
        title={t('reports.screen.title')}
        subtitle={t('reports.screen.intro', {
          scope:
            ownName ?? (store.isAdmin ? t('reports.screen.everyHospital') : t('reports.screen.yourHospital')),
          zone: store.census ? t('reports.screen.zone', { zone: store.census.timeZone }) : '',
        })}
      >
        <div className={styles.controls}>
          {store.isAdmin && (
            <label className={styles.control}>
              {t('reports.screen.hospital')}
              <FilterSelect
                label={t('reports.screen.hospital')}
                any={t('reports.screen.allHospitals')}
                {...idChoices(store.hospitals)}
                value={store.hospitalId ?? ''}
                onChange={(id) => store.set('hospitalId', id === '' ? null : id)}
                wide
              />
            </label>
          )}
          <label className={styles.control}>
            {t('reports.screen.censusDay')}
            <DateTimeEntry
              className="input"
              withTime={false}
              value={store.date}
              onChange={(day) => isDay(day) && day <= today() && store.set('date', day)}
            />
          </label>
          <button
            className="btn"
            disabled={!store.census}
            aria-haspopup="dialog"
            onClick={() => setPrinting(true)}
          >
            {t('reports.screen.printCensus')}
          </button>
        </div>
      </PageHeader>

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
  const { t } = useTranslation()
  const report = store.census
  return (
    <div className="card" data-testid="census">
      <div className={styles.sectionHead}>
        <h2>{t('reports.census.title', { day: longDate(store.date) })}</h2>
        {store.censusLoading && <span className="muted">{t('reports.census.counting')}</span>}
      </div>
      <ErrorBanner error={store.censusError} />
      {!report && !store.censusError && (
        <div className={styles.status}>{t('reports.census.countingDay')}</div>
      )}
      {report && report.rows.length === 0 && <div className="empty">{t('reports.census.empty')}</div>}
      {report && report.rows.length > 0 && <CensusBody report={report} />}
    </div>
  )
})

function CensusBody({ report }: { report: CensusReport }) {
  const { t } = useTranslation()
  const beds = report.rows.filter((r) => r.resourceType === 'beds')
  const bedOccupancy = occupancyPercent({
    occupied: beds.reduce((a, r) => a + r.occupiedAtMidnight, 0),
    total: beds.reduce((a, r) => a + r.total, 0),
    maintenance: beds.reduce((a, r) => a + r.maintenance, 0),
  })
  // [test id (the English label, which the specs know it by), label, value]
  const kpis: [string, string, string][] = [
    ['Bed occupancy at midnight', t('reports.kpi.bedOccupancy'), formatPercent(bedOccupancy)],
    ['Admissions', t('reports.kpi.admissions'), formatCount(sum(report.rows, 'admissions'))],
    ['Discharges', t('reports.kpi.discharges'), formatCount(sum(report.rows, 'discharges'))],
    ['New registrations', t('reports.kpi.registrations'), formatCount(sum(report.rows, 'registrations'))],
    [
      'Referrals in / out',
      t('reports.kpi.referrals'),
      `${formatCount(sum(report.rows, 'referralsIn'))} / ${formatCount(sum(report.rows, 'referralsOut'))}`,
    ],
  ]
  const single = new Set(report.rows.map((r) => r.hospitalId)).size === 1
  return (
    <>
      <div className={styles.kpis}>
        {kpis.map(([id, label, value]) => (
          <div key={id} className={styles.kpi}>
            <div className={styles.kpiLabel}>{label}</div>
            <div className={styles.kpiValue} data-testid={`kpi-${id}`}>
              {value}
            </div>
          </div>
        ))}
      </div>
      {/* Focusable, so a keyboard can scroll a table wider than the screen. */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={t('reports.census.region')}>
        {single ? <FiguresByType rows={report.rows} /> : <FiguresByHospital rows={report.rows} />}
      </div>
    </>
  )
}

function FiguresByType({ rows }: { rows: CensusRow[] }) {
  const { t } = useTranslation()
  return (
    <table className={styles.figures} aria-label={t('reports.census.byResource')}>
      <thead>
        <tr>
          <th scope="col">{t('reports.census.figure')}</th>
          {rows.map((r) => (
            <th key={r.resourceType} scope="col">
              {resourceTitle(r.resourceType)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {CENSUS_FIGURES.map((f) => (
          <tr key={f.id}>
            <th scope="row">{figureLabel(f)}</th>
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
  const { t } = useTranslation()
  const columns = CENSUS_FIGURES.filter((f) => f.short)
  return (
    <table className={styles.figures} aria-label={t('reports.census.byHospital')}>
      <thead>
        <tr>
          <th scope="col">{t('reports.census.hospital')}</th>
          <th scope="col">{t('reports.census.resource')}</th>
          {columns.map((c) => (
            <th key={c.id} scope="col" title={figureLabel(c)}>
              {figureShort(c)}
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
            <td>{resourceTitle(r.resourceType)}</td>
            {columns.map((c) => (
              <td key={c.id}>{c.value(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const Occupancy = observer(function Occupancy({ store }: { store: ReportsStore }) {
  const { t } = useTranslation()
  const report = store.occupancy
  const hospital = store.hospitals.find((h) => h.id === store.chartHospitalId)?.name ?? report?.hospitalName
  return (
    <div className={`card ${styles.section}`} data-testid="occupancy">
      <div className={styles.sectionHead}>
        <div>
          <h2>{hospital ? t('reports.occupancy.titleAt', { hospital }) : t('reports.occupancy.title')}</h2>
          {store.isAdmin && store.hospitalId === null && hospital && (
            <p className="muted">{t('reports.occupancy.firstHospital')}</p>
          )}
        </div>
        <div className={styles.controls}>
          <label className={styles.control}>
            {t('reports.occupancy.resource')}
            <FilterSelect
              label={t('reports.occupancy.resource')}
              values={RESOURCE_TYPES}
              name={(type) => resourceTitle(type)}
              value={store.resourceType}
              onChange={(type) => store.set('resourceType', type)}
              wide
            />
          </label>
          <label className={styles.control}>
            {t('reports.occupancy.from')}
            <DateTimeEntry
              className="input"
              withTime={false}
              value={store.from}
              onChange={(day) => isDay(day) && day <= store.to && store.set('from', day)}
            />
          </label>
          <label className={styles.control}>
            {t('reports.occupancy.to')}
            <DateTimeEntry
              className="input"
              withTime={false}
              value={store.to}
              onChange={(day) => isDay(day) && day >= store.from && store.set('to', day)}
            />
          </label>
          <label className={styles.control}>
            {t('reports.occupancy.buckets')}
            <FilterSelect
              label={t('reports.occupancy.buckets')}
              values={OCCUPANCY_BUCKETS}
              name={(b) =>
                t('reports.occupancy.bucketChoice', {
                  bucket: t(`reports.bucket.${b}`),
                  count: MAX_OCCUPANCY_DAYS[b],
                  n: formatCount(MAX_OCCUPANCY_DAYS[b]),
                })
              }
              value={store.bucket}
              onChange={(b) => store.set('bucket', b)}
              wide
            />
          </label>
        </div>
      </div>
      <ErrorBanner error={store.occupancyError} />
      {!report && !store.occupancyError && (
        <div className={styles.status}>
          {store.hospitals.length ? t('reports.occupancy.replaying') : t('reports.occupancy.noHospital')}
        </div>
      )}
      {report && report.buckets.length === 0 && (
        <div className={styles.status}>{t('reports.occupancy.notBegun')}</div>
      )}
      {report && report.buckets.length > 0 && (
        <>
          <OccupancyChart
            report={report}
            label={t('reports.occupancy.chart', {
              resource: resourceTitle(report.resourceType),
              hospital: report.hospitalName,
              from: formatLongDay(report.from),
              to: formatLongDay(report.to),
            })}
          />
          <details className={styles.details}>
            <summary>
              {t('reports.occupancy.figures', {
                count: report.buckets.length,
                n: formatCount(report.buckets.length),
              })}
            </summary>
            <div
              className={styles.scroll}
              tabIndex={0}
              role="region"
              aria-label={t('reports.occupancy.figuresRegion')}
            >
              <table className={styles.figures} aria-label={t('reports.occupancy.figuresTable')}>
                <thead>
                  <tr>
                    <th scope="col">{t(`reports.bucketHead.${report.bucket}`)}</th>
                    <th scope="col">{t('reports.occupancy.occupied')}</th>
                    <th scope="col">{t('reports.occupancy.reserved')}</th>
                    <th scope="col">{t('reports.occupancy.maintenance')}</th>
                    <th scope="col">{t('reports.occupancy.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.buckets.map((b) => (
                    <tr key={b.start}>
                      <th scope="row">
                        {report.bucket === 'hour' ? formatDateTime(b.start) : formatDate(b.start)}
                      </th>
                      <td>
                        {formatDigits(b.occupied.average)} / {formatDigits(b.occupied.peak)}
                      </td>
                      <td>
                        {formatDigits(b.reserved.average)} / {formatDigits(b.reserved.peak)}
                      </td>
                      <td>{formatDigits(b.maintenance.average)}</td>
                      <td>{formatDigits(b.total.peak)}</td>
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
