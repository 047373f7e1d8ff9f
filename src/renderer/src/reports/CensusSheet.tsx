import type { CensusReport, CensusRow } from '../../../shared/contract/reports'
import { RESOURCE_LABEL } from '../screens/AdminUi'
import { CENSUS_FIGURES, longDate } from './figures'
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
  const byHospital = new Map<number, CensusRow[]>()
  for (const r of report.rows) byHospital.set(r.hospitalId, [...(byHospital.get(r.hospitalId) ?? []), r])
  const hospitals = [...byHospital.values()]
  const subtitle = hospitals.length === 1 ? hospitals[0]![0]!.hospitalName : `${hospitals.length} hospitals`
  return (
    <PrintSheet
      title={`Daily census, ${longDate(report.date)}`}
      subtitle={subtitle}
      pdfName={`Census ${report.date}`}
      onClose={onClose}
      footer={
        <>
          Midnight to midnight, {report.timeZone} time. Computed from the booking history and the resource
          audit trail. Printed {new Date().toLocaleString('en-GB')} by {printedBy}.
        </>
      }
    >
      {hospitals.map((rows) => (
        <section key={rows[0]!.hospitalId} className={styles.section}>
          {hospitals.length > 1 && <h3>{rows[0]!.hospitalName}</h3>}
          <table className={styles.figures}>
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
        </section>
      ))}
    </PrintSheet>
  )
}
