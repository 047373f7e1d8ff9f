import { useTranslation } from 'react-i18next'
import type { CensusReport, CensusRow } from '../../../shared/contract/reports'
import { formatDateTime } from '../../../shared/format'
import { formatCount, resourceTitle } from '../../../shared/labels'
import { CENSUS_FIGURES, figureLabel, longDate } from './figures'
import { PrintSheet } from './PrintSheet'
import styles from './reports.module.css'

/** The printable A4 daily census: each hospital's figures, resource types side by side. */
export function CensusSheet({
  report,
  printedBy,
  onClose,
}: {
  report: CensusReport
  printedBy: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const byHospital = new Map<number, CensusRow[]>()
  for (const r of report.rows) byHospital.set(r.hospitalId, [...(byHospital.get(r.hospitalId) ?? []), r])
  const hospitals = [...byHospital.values()]
  const subtitle =
    hospitals.length === 1
      ? hospitals[0]![0]!.hospitalName
      : t('reports.census.hospitals', { count: hospitals.length, n: formatCount(hospitals.length) })
  return (
    <PrintSheet
      title={t('reports.census.title', { day: longDate(report.date) })}
      subtitle={subtitle}
      pdfName={t('reports.census.pdfName', { date: report.date })}
      onClose={onClose}
      footer={t('reports.census.footer', {
        zone: report.timeZone,
        at: formatDateTime(new Date()),
        by: printedBy,
      })}
    >
      {hospitals.map((rows) => (
        <section key={rows[0]!.hospitalId} className={styles.section}>
          {hospitals.length > 1 && <h3>{rows[0]!.hospitalName}</h3>}
          <table className={styles.figures}>
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
        </section>
      ))}
    </PrintSheet>
  )
}
