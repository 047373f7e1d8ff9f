/** The census figures as people read them: one list for the screen's table and the printed sheet. */
import type { CensusRow } from '../../../shared/contract/reports'
import { formatLongDay } from '../../../shared/format'
import { formatCount, formatDigits } from '../../../shared/labels'
import { formatPercent } from '../../../shared/occupancy'
import { i18n } from '../i18n'

export interface Figure {
  /** Its catalogue key under reports.figure: the row's name; `${id}Short` heads a narrow column. */
  id: string
  /** Shown as a column where every hospital is a row (narrow). */
  short?: boolean
  value: (r: CensusRow) => string
}

const n = (v: number) => formatCount(v)
const hours = (h: number | null) =>
  h === null ? '—' : i18n.t('reports.figure.hours', { n: formatDigits(h.toFixed(1)) })
const minutes = (m: number | undefined) =>
  m === undefined
    ? '—'
    : m >= 120
      ? i18n.t('reports.figure.hours', { n: formatDigits((m / 60).toFixed(1)) })
      : i18n.t('reports.figure.minutes', { n: formatCount(Math.round(m)) })

export const CENSUS_FIGURES: Figure[] = [
  {
    id: 'inService',
    value: (r) =>
      i18n.t('reports.figure.inServiceValue', { n: n(r.total - r.maintenance), total: n(r.total) }),
  },
  { id: 'occupiedAtMidnight', short: true, value: (r) => n(r.occupiedAtMidnight) },
  { id: 'occupancyAtMidnight', short: true, value: (r) => formatPercent(r.occupancyPercent) },
  { id: 'averageOccupancy', short: true, value: (r) => formatPercent(r.averageOccupancyPercent) },
  { id: 'occupiedAtEnd', value: (r) => n(r.occupiedAtEnd) },
  { id: 'registrations', value: (r) => n(r.registrations) },
  { id: 'approvals', value: (r) => n(r.approvals) },
  { id: 'admissions', short: true, value: (r) => n(r.admissions) },
  { id: 'discharges', short: true, value: (r) => n(r.discharges) },
  { id: 'cancellations', value: (r) => n(r.cancellations) },
  { id: 'declines', value: (r) => n(r.declines) },
  { id: 'referralsIn', short: true, value: (r) => n(r.referralsIn) },
  { id: 'referralsOut', short: true, value: (r) => n(r.referralsOut) },
  { id: 'averageStay', short: true, value: (r) => hours(r.averageLengthOfStayHours) },
  { id: 'waitMedian', value: (r) => minutes(r.approvalWaitMinutes?.p50) },
  { id: 'wait90', value: (r) => minutes(r.approvalWaitMinutes?.p90) },
]

/** A figure's name as a row heading: "Occupied at midnight". */
export function figureLabel(f: Figure): string {
  return i18n.t(`reports.figure.${f.id}`)
}

/** A figure's narrow column heading: "Occupied 00:00". */
export function figureShort(f: Figure): string {
  return i18n.t(`reports.figure.${f.id}Short`)
}

/** A day as the desk writes dates: day before month. */
export const longDate = formatLongDay
