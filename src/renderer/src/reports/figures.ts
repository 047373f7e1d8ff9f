/** The census figures as people read them: one list for the screen's table and the printed sheet. */
import type { CensusRow } from '../../../shared/contract/reports'
import { formatPercent } from '../../../shared/occupancy'

export interface Figure {
  label: string
  /** The column heading where every hospital is a row (narrow). */
  short?: string
  value: (r: CensusRow) => string
}

const n = (v: number) => v.toLocaleString()
const hours = (h: number | null) => (h === null ? '—' : `${h.toFixed(1)} h`)
const minutes = (m: number | undefined) =>
  m === undefined ? '—' : m >= 120 ? `${(m / 60).toFixed(1)} h` : `${Math.round(m)} min`

export const CENSUS_FIGURES: Figure[] = [
  { label: 'In service at midnight', value: (r) => `${n(r.total - r.maintenance)} of ${n(r.total)}` },
  { label: 'Occupied at midnight', short: 'Occupied 00:00', value: (r) => n(r.occupiedAtMidnight) },
  {
    label: 'Occupancy at midnight',
    short: 'Occupancy 00:00',
    value: (r) => formatPercent(r.occupancyPercent),
  },
  {
    label: 'Average occupancy over the day',
    short: 'Avg occupancy',
    value: (r) => formatPercent(r.averageOccupancyPercent),
  },
  { label: 'Occupied at end of day', value: (r) => n(r.occupiedAtEnd) },
  { label: 'New registrations', value: (r) => n(r.registrations) },
  { label: 'Approvals', value: (r) => n(r.approvals) },
  { label: 'Admissions', short: 'Admissions', value: (r) => n(r.admissions) },
  { label: 'Discharges', short: 'Discharges', value: (r) => n(r.discharges) },
  { label: 'Cancellations', value: (r) => n(r.cancellations) },
  { label: 'Declines', value: (r) => n(r.declines) },
  { label: 'Referrals in', short: 'Referrals in', value: (r) => n(r.referralsIn) },
  { label: 'Referrals out', short: 'Referrals out', value: (r) => n(r.referralsOut) },
  { label: 'Average length of stay', short: 'Avg stay', value: (r) => hours(r.averageLengthOfStayHours) },
  { label: 'Wait for approval, median', value: (r) => minutes(r.approvalWaitMinutes?.p50) },
  { label: 'Wait for approval, 90th percentile', value: (r) => minutes(r.approvalWaitMinutes?.p90) },
]

/** A day as the desk writes dates: day before month. */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
}
