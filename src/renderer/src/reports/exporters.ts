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
import type { Booking } from '../../../shared/contract/bookings'
import type { Payment } from '../../../shared/contract/payments'
import type { CensusRow } from '../../../shared/contract/reports'
import { DeskError } from '../../../shared/errors'
import { call } from '../api/client'
import { saveExport, type Saved } from './save'

export type ExportKind = 'bookings' | 'payments' | 'census'
export type ExportFormat = 'csv' | 'xlsx'

export const EXPORT_KIND_LABEL: Record<ExportKind, string> = {
  bookings: 'Bookings',
  payments: 'Payments',
  census: 'Daily census',
}

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
  header: string
  value: (row: T) => Cell
  width?: number
}

const taka = (paisa: number | null) => (paisa === null ? null : paisa / 100)

const BOOKING_COLUMNS: Column<Booking>[] = [
  { header: 'Reference', value: (b) => b.bookingReference, width: 16 },
  { header: 'Hospital', value: (b) => b.hospitalName, width: 28 },
  { header: 'Resource', value: (b) => b.resourceType, width: 12 },
  { header: 'Patient', value: (b) => b.patientName, width: 26 },
  { header: 'Age', value: (b) => b.patientAge },
  { header: 'Gender', value: (b) => b.patientGender },
  { header: 'Condition', value: (b) => b.medicalCondition, width: 30 },
  { header: 'Urgency', value: (b) => b.urgency },
  { header: 'Status', value: (b) => b.status },
  { header: 'Scheduled', value: (b) => b.scheduledDate, width: 24 },
  { header: 'Duration (hours)', value: (b) => b.estimatedDuration },
  { header: 'Emergency contact', value: (b) => b.emergencyContactName, width: 22 },
  { header: 'Contact phone', value: (b) => b.emergencyContactPhone, width: 16 },
  { header: 'Decline reason', value: (b) => b.declineReason, width: 30 },
  { header: 'Registered', value: (b) => b.createdAt, width: 24 },
]

const PAYMENT_COLUMNS: Column<Payment>[] = [
  { header: 'Payment', value: (p) => p.id },
  { header: 'Booking', value: (p) => p.bookingReference, width: 16 },
  { header: 'Hospital', value: (p) => p.hospitalName, width: 28 },
  { header: 'Patient', value: (p) => p.patientName, width: 26 },
  { header: 'Amount (BDT)', value: (p) => taka(p.amount), width: 14 },
  { header: 'Refunded (BDT)', value: (p) => taka(p.refundAmount ?? 0), width: 14 },
  { header: 'Platform fee (BDT)', value: (p) => taka(p.platformFee), width: 14 },
  { header: 'Hospital share (BDT)', value: (p) => taka(p.hospitalShare), width: 14 },
  { header: 'Method', value: (p) => p.paymentMethod },
  { header: 'Gateway reference', value: (p) => p.gatewayTransactionId, width: 20 },
  { header: 'Status', value: (p) => p.status },
  { header: 'Recorded by', value: (p) => p.recordedBy, width: 20 },
  { header: 'Recorded', value: (p) => p.createdAt, width: 24 },
]

type CensusLine = CensusRow & { date: string }
const CENSUS_COLUMNS: Column<CensusLine>[] = [
  { header: 'Date', value: (r) => r.date, width: 12 },
  { header: 'Hospital', value: (r) => r.hospitalName, width: 28 },
  { header: 'Resource', value: (r) => r.resourceType, width: 12 },
  { header: 'Total', value: (r) => r.total },
  { header: 'Maintenance', value: (r) => r.maintenance },
  { header: 'Occupied at midnight', value: (r) => r.occupiedAtMidnight },
  { header: 'Occupied at end', value: (r) => r.occupiedAtEnd },
  { header: 'Occupancy %', value: (r) => r.occupancyPercent },
  { header: 'Average occupancy %', value: (r) => r.averageOccupancyPercent },
  { header: 'Registrations', value: (r) => r.registrations },
  { header: 'Approvals', value: (r) => r.approvals },
  { header: 'Admissions', value: (r) => r.admissions },
  { header: 'Discharges', value: (r) => r.discharges },
  { header: 'Cancellations', value: (r) => r.cancellations },
  { header: 'Declines', value: (r) => r.declines },
  { header: 'Referrals in', value: (r) => r.referralsIn },
  { header: 'Referrals out', value: (r) => r.referralsOut },
  { header: 'Average stay (hours)', value: (r) => r.averageLengthOfStayHours },
  { header: 'Approval wait p50 (min)', value: (r) => r.approvalWaitMinutes?.p50 ?? null },
  { header: 'Approval wait p90 (min)', value: (r) => r.approvalWaitMinutes?.p90 ?? null },
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

function check(req: ExportRequest): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.from)) throw DeskError.field('from', 'must be a date')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.to)) throw DeskError.field('to', 'must be a date')
  if (req.to < req.from) throw DeskError.field('to', 'must not be before the first day')
  const days = daysOf(req.from, req.to)
  if (days.length > MAX_EXPORT_DAYS)
    throw DeskError.field('to', `must be at most ${MAX_EXPORT_DAYS} days after the first day`)
  return days
}

function sheet<T>(columns: Column<T>[], rows: T[]): { header: string[]; body: Cell[][] } {
  return { header: columns.map((c) => c.header), body: rows.map((r) => columns.map((c) => c.value(r))) }
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
  const title = EXPORT_KIND_LABEL[req.kind]
  const scope = req.hospitalName ? ` ${req.hospitalName}` : ''
  const fileName = `${title}${scope} ${req.from} to ${req.to}.${req.format}`.replace(
    /[^\p{L}\p{N} ._-]/gu,
    '',
  )
  const blob = await encode(req.format, title, columns, table)
  return { rows: table.body.length, fileName, saved: await saveExport(fileName, blob) }
}
