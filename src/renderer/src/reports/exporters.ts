/**
 * Exports of a date range: bookings (by scheduled day), payments (by the day they were recorded) and
 * the daily census, as CSV or XLSX. Rows come page by page through the ordinary channels, so an
 * export keeps exactly the hospital scoping of the screens, and the progress bar moves per page.
 *
 * Libraries: Papa Parse writes the CSV (RFC 4180 quoting, and `escapeFormulae` so a name that starts
 * with `=` cannot run as a formula in a spreadsheet); write-excel-file writes the XLSX. It is small
 * (its one dependency is fflate), maintained, works in the browser, and has a sibling reader
 * (read-excel-file) from the same project that the tests read exports back with. ExcelJS, the other
 * candidate, is far larger for the renderer and its last release is older.
 */
import { addDays, format, parseISO } from 'date-fns'
import Papa from 'papaparse'
import writeXlsxFile, { type SheetData } from 'write-excel-file/browser'
import type { Booking, BookingStatus, Gender } from '../../../shared/contract/bookings'
import type { Payment, PaymentStatus } from '../../../shared/contract/payments'
import type { CensusRow } from '../../../shared/contract/reports'
import { DeskError } from '../../../shared/errors'
import {
  bookingStatusLabel,
  formatCount,
  genderLabel,
  paymentStatusLabel,
  resourceTitle,
  urgencyLabel,
} from '../../../shared/labels'
import { localeOf } from '../../../shared/locale/display'
import { paymentMethodLabel, type PaymentMethod } from '../../../shared/money'
import type { Urgency } from '../../../shared/schemas'
import { call } from '../api/client'
import { i18n } from '../i18n'
import { saveExport, type Saved } from './save'

export type ExportKind = 'bookings' | 'payments' | 'census'
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_KINDS: readonly ExportKind[] = ['bookings', 'payments', 'census']

/** The longest range one export covers. */
export const MAX_EXPORT_DAYS = 366
const PAGE = 500

export interface ExportRequest {
  kind: ExportKind
  format: ExportFormat
  from: string
  to: string
  hospitalId: number | null
  hospitalName: string | null
}

export interface ExportResult {
  rows: number
  fileName: string
  saved: Saved
}

type Cell = string | number | null
interface Column<T> {
  /** Catalogue key of its heading: a sheet is headed in the language of the person who exports it. */
  header: string
  value: (row: T) => Cell
  /**
   * A code value's word (status, method, resource…). An English sheet keeps the codes the desk has
   * always exported (sheets and scripts read them); a Bangla sheet is read by people, in Bangla.
   */
  label?: (code: string) => string
  width?: number
}

const taka = (paisa: number | null) => (paisa === null ? null : paisa / 100)

const BOOKING_COLUMNS: Column<Booking>[] = [
  { header: 'reports.bookingColumn.reference', value: (b) => b.bookingReference, width: 16 },
  { header: 'reports.bookingColumn.hospital', value: (b) => b.hospitalName, width: 28 },
  {
    header: 'reports.bookingColumn.resource',
    value: (b) => b.resourceType,
    label: (c) => resourceTitle(c),
    width: 12,
  },
  { header: 'reports.bookingColumn.patient', value: (b) => b.patientName, width: 26 },
  { header: 'reports.bookingColumn.age', value: (b) => b.patientAge },
  {
    header: 'reports.bookingColumn.gender',
    value: (b) => b.patientGender,
    label: (c) => genderLabel(c as Gender),
  },
  { header: 'reports.bookingColumn.condition', value: (b) => b.medicalCondition, width: 30 },
  {
    header: 'reports.bookingColumn.urgency',
    value: (b) => b.urgency,
    label: (c) => urgencyLabel(c as Urgency),
  },
  {
    header: 'reports.bookingColumn.status',
    value: (b) => b.status,
    label: (c) => bookingStatusLabel(c as BookingStatus),
  },
  { header: 'reports.bookingColumn.scheduled', value: (b) => b.scheduledDate, width: 24 },
  { header: 'reports.bookingColumn.duration', value: (b) => b.estimatedDuration },
  { header: 'reports.bookingColumn.contact', value: (b) => b.emergencyContactName, width: 22 },
  { header: 'reports.bookingColumn.contactPhone', value: (b) => b.emergencyContactPhone, width: 16 },
  { header: 'reports.bookingColumn.declineReason', value: (b) => b.declineReason, width: 30 },
  { header: 'reports.bookingColumn.registered', value: (b) => b.createdAt, width: 24 },
]

const PAYMENT_COLUMNS: Column<Payment>[] = [
  { header: 'reports.paymentColumn.payment', value: (p) => p.id },
  { header: 'reports.paymentColumn.booking', value: (p) => p.bookingReference, width: 16 },
  { header: 'reports.paymentColumn.hospital', value: (p) => p.hospitalName, width: 28 },
  { header: 'reports.paymentColumn.patient', value: (p) => p.patientName, width: 26 },
  { header: 'reports.paymentColumn.amount', value: (p) => taka(p.amount), width: 14 },
  { header: 'reports.paymentColumn.refunded', value: (p) => taka(p.refundAmount ?? 0), width: 14 },
  { header: 'reports.paymentColumn.platformFee', value: (p) => taka(p.platformFee), width: 14 },
  { header: 'reports.paymentColumn.hospitalShare', value: (p) => taka(p.hospitalShare), width: 14 },
  {
    header: 'reports.paymentColumn.method',
    value: (p) => p.paymentMethod,
    label: (c) => paymentMethodLabel(c as PaymentMethod),
  },
  { header: 'reports.paymentColumn.gatewayReference', value: (p) => p.gatewayTransactionId, width: 20 },
  {
    header: 'reports.paymentColumn.status',
    value: (p) => p.status,
    label: (c) => paymentStatusLabel(c as PaymentStatus),
  },
  { header: 'reports.paymentColumn.recordedBy', value: (p) => p.recordedBy, width: 20 },
  { header: 'reports.paymentColumn.recorded', value: (p) => p.createdAt, width: 24 },
]

type CensusLine = CensusRow & { date: string }
const CENSUS_COLUMNS: Column<CensusLine>[] = [
  { header: 'reports.censusColumn.date', value: (r) => r.date, width: 12 },
  { header: 'reports.censusColumn.hospital', value: (r) => r.hospitalName, width: 28 },
  {
    header: 'reports.censusColumn.resource',
    value: (r) => r.resourceType,
    label: (c) => resourceTitle(c),
    width: 12,
  },
  { header: 'reports.censusColumn.total', value: (r) => r.total },
  { header: 'reports.censusColumn.maintenance', value: (r) => r.maintenance },
  { header: 'reports.censusColumn.occupiedAtMidnight', value: (r) => r.occupiedAtMidnight },
  { header: 'reports.censusColumn.occupiedAtEnd', value: (r) => r.occupiedAtEnd },
  { header: 'reports.censusColumn.occupancy', value: (r) => r.occupancyPercent },
  { header: 'reports.censusColumn.averageOccupancy', value: (r) => r.averageOccupancyPercent },
  { header: 'reports.censusColumn.registrations', value: (r) => r.registrations },
  { header: 'reports.censusColumn.approvals', value: (r) => r.approvals },
  { header: 'reports.censusColumn.admissions', value: (r) => r.admissions },
  { header: 'reports.censusColumn.discharges', value: (r) => r.discharges },
  { header: 'reports.censusColumn.cancellations', value: (r) => r.cancellations },
  { header: 'reports.censusColumn.declines', value: (r) => r.declines },
  { header: 'reports.censusColumn.referralsIn', value: (r) => r.referralsIn },
  { header: 'reports.censusColumn.referralsOut', value: (r) => r.referralsOut },
  { header: 'reports.censusColumn.averageStay', value: (r) => r.averageLengthOfStayHours },
  { header: 'reports.censusColumn.waitMedian', value: (r) => r.approvalWaitMinutes?.p50 ?? null },
  { header: 'reports.censusColumn.wait90', value: (r) => r.approvalWaitMinutes?.p90 ?? null },
]

/** The days from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = []
  for (let d = parseISO(from); format(d, 'yyyy-MM-dd') <= to; d = addDays(d, 1))
    days.push(format(d, 'yyyy-MM-dd'))
  return days
}

/** A local day's first instant, ISO: what bookings.list and payments.list compare with. */
function instant(day: string): string {
  return parseISO(day).toISOString()
}

type Progress = (done: number, total: number) => void

async function pages<T>(
  fetch: (offset: number) => Promise<{ items: T[]; total: number }>,
  progress: Progress,
) {
  const rows: T[] = []
  for (;;) {
    const page = await fetch(rows.length)
    rows.push(...page.items)
    progress(rows.length, page.total)
    if (!page.items.length || rows.length >= page.total) break
  }
  return rows
}

/** A refusal of the first or last day, named as the form names it ("Last day: …"). */
function dayProblem(field: 'from' | 'to', message: string): DeskError {
  const label = i18n.t(field === 'from' ? 'reports.export.firstDay' : 'reports.export.lastDay')
  return new DeskError('VALIDATION', `${label}: ${message}`, { field, fields: { [field]: message } })
}

function check(req: ExportRequest): string[] {
  const notADate = i18n.t('reports.export.notADate')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.from)) throw dayProblem('from', notADate)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.to)) throw dayProblem('to', notADate)
  if (req.to < req.from) throw dayProblem('to', i18n.t('reports.export.beforeFirst'))
  const days = daysOf(req.from, req.to)
  if (days.length > MAX_EXPORT_DAYS)
    throw dayProblem('to', i18n.t('reports.export.tooLong', { n: formatCount(MAX_EXPORT_DAYS) }))
  return days
}

function sheet<T>(columns: Column<T>[], rows: T[]): { header: string[]; body: Cell[][] } {
  const bangla = localeOf().language === 'bn'
  return {
    header: columns.map((c) => i18n.t(c.header)),
    body: rows.map((r) =>
      columns.map((c) => {
        const v = c.value(r)
        return bangla && c.label && typeof v === 'string' ? c.label(v) : v
      }),
    ),
  }
}

export async function encode(
  format: ExportFormat,
  title: string,
  columns: Column<never>[],
  table: { header: string[]; body: Cell[][] },
): Promise<Blob> {
  if (format === 'csv') {
    const text = Papa.unparse({ fields: table.header, data: table.body }, { escapeFormulae: true })
    // The byte-order mark tells Excel the file is UTF-8, so Bangla names open as written.
    return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' })
  }
  const data: SheetData = [
    table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...table.body.map((row) => row.map((value) => (value === null ? null : value))),
  ]
  return writeXlsxFile(data, {
    sheet: title.slice(0, 31),
    stickyRowsCount: 1,
    columns: columns.map((c) => ({ width: c.width ?? 12 })),
  }).toBlob()
}

export async function runExport(req: ExportRequest, progress: Progress): Promise<ExportResult> {
  const days = check(req)
  const hospitalId = req.hospitalId ?? undefined
  let table: { header: string[]; body: Cell[][] }
  let columns: Column<never>[]
  if (req.kind === 'bookings') {
    const rows = await pages(
      (offset) =>
        call('bookings.list', {
          hospitalId,
          scheduledFrom: instant(req.from),
          scheduledTo: instant(format(addDays(parseISO(req.to), 1), 'yyyy-MM-dd')),
          limit: PAGE,
          offset,
        }),
      progress,
    )
    columns = BOOKING_COLUMNS as Column<never>[]
    table = sheet(BOOKING_COLUMNS, rows)
  } else if (req.kind === 'payments') {
    const rows = await pages(
      (offset) =>
        call('payments.list', {
          hospitalId,
          from: instant(req.from),
          to: instant(format(addDays(parseISO(req.to), 1), 'yyyy-MM-dd')),
          limit: PAGE,
          offset,
        }),
      progress,
    )
    columns = PAYMENT_COLUMNS as Column<never>[]
    table = sheet(PAYMENT_COLUMNS, rows)
  } else {
    const rows: CensusLine[] = []
    for (const [i, date] of days.entries()) {
      const report = await call('reports.census', { hospitalId, date })
      rows.push(...report.rows.map((r) => ({ ...r, date })))
      progress(i + 1, days.length)
    }
    columns = CENSUS_COLUMNS as Column<never>[]
    table = sheet(CENSUS_COLUMNS, rows)
  }
  const title = i18n.t(`reports.kind.${req.kind}`)
  const scope = req.hospitalName ? ` ${req.hospitalName}` : ''
  const name = i18n.t('reports.export.fileName', { kind: title, scope, from: req.from, to: req.to })
  // Letters of any script with their vowel signs (\p{M}: Bangla's া ি ে …), digits, spaces and . _ -.
  const fileName = `${name}.${req.format}`.replace(/[^\p{L}\p{M}\p{N} ._-]/gu, '')
  const blob = await encode(req.format, title, columns, table)
  return { rows: table.body.length, fileName, saved: await saveExport(fileName, blob) }
}
