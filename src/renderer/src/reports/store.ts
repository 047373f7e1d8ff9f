import { format, subDays } from 'date-fns'
import { makeAutoObservable, runInAction } from 'mobx'
import type { CensusReport, OccupancyBucketSize, OccupancyReport } from '../../../shared/contract/reports'
import type { DeskError } from '../../../shared/errors'
import type { ResourceType } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'
import { runExport, type ExportFormat, type ExportKind, type ExportResult } from './exporters'

/** The workstation's day, as the desk's reports take it (main uses the same local calendar). */
export function today(): string {
  return format(new Date(), 'yyyy-MM-dd')
}

export interface HospitalChoice {
  id: number
  name: string
}

/**
 * The Reports screen's state: the daily census of a day, the occupancy chart of one resource, and
 * an export with its progress. Made by the screen for as long as it is open, so it never holds
 * another user's figures.
 */
export class ReportsStore {
  hospitals: HospitalChoice[] = []
  /** null: every hospital (an administrator's census). */
  hospitalId: number | null
  date = today()
  census: CensusReport | null = null
  censusLoading = false
  censusError: DeskError | null = null

  resourceType: ResourceType = 'beds'
  bucket: OccupancyBucketSize = 'day'
  from = format(subDays(new Date(), 29), 'yyyy-MM-dd')
  to = today()
  occupancy: OccupancyReport | null = null
  occupancyLoading = false
  occupancyError: DeskError | null = null

  exportKind: ExportKind = 'bookings'
  exportFormat: ExportFormat = 'csv'
  exportFrom = format(subDays(new Date(), 6), 'yyyy-MM-dd')
  exportTo = today()
  progress: { done: number; total: number } | null = null
  exported: ExportResult | null = null
  exportError: DeskError | null = null
  private seq = { census: 0, occupancy: 0 }

  constructor(
    readonly isAdmin: boolean,
    ownHospitalId: number | null,
  ) {
    this.hospitalId = isAdmin ? null : ownHospitalId
    makeAutoObservable<ReportsStore, 'seq'>(this, { seq: false, isAdmin: false })
  }

  /** The hospital the chart shows: the chosen one, else the first (a chart is of one hospital). */
  get chartHospitalId(): number | null {
    return this.hospitalId ?? this.hospitals[0]?.id ?? null
  }

  get exporting(): boolean {
    return this.progress !== null
  }

  async start(): Promise<void> {
    try {
      const list = await call('hospitals.list', { status: 'approved', limit: 500 })
      runInAction(() => {
        this.hospitals = list.items.map((h) => ({ id: h.id, name: h.name }))
      })
    } catch (err) {
      runInAction(() => (this.censusError = asDeskError(err)))
    }
    await Promise.all([this.loadCensus(), this.loadOccupancy()])
  }

  /** Re-read what is on screen (after a live change); a past day's census cannot change, today's can. */
  refresh(): void {
    if (this.date >= today()) void this.loadCensus()
    if (this.to >= today()) void this.loadOccupancy()
  }

  set<K extends 'hospitalId' | 'date' | 'resourceType' | 'bucket' | 'from' | 'to'>(
    key: K,
    value: this[K],
  ): void {
    this[key] = value
    if (key === 'hospitalId' || key === 'date') void this.loadCensus()
    if (key !== 'date') void this.loadOccupancy()
  }

  setExport<K extends 'exportKind' | 'exportFormat' | 'exportFrom' | 'exportTo'>(
    key: K,
    value: this[K],
  ): void {
    this[key] = value
    this.exported = null
    this.exportError = null
  }

  async loadCensus(): Promise<void> {
    const mine = ++this.seq.census
    this.censusLoading = true
    try {
      const report = await call('reports.census', {
        hospitalId: this.hospitalId ?? undefined,
        date: this.date,
      })
      if (mine === this.seq.census) runInAction(() => ((this.census = report), (this.censusError = null)))
    } catch (err) {
      if (mine === this.seq.census)
        runInAction(() => ((this.census = null), (this.censusError = asDeskError(err))))
    } finally {
      if (mine === this.seq.census) runInAction(() => (this.censusLoading = false))
    }
  }

  async loadOccupancy(): Promise<void> {
    const hospitalId = this.chartHospitalId
    if (hospitalId === null) return
    const mine = ++this.seq.occupancy
    this.occupancyLoading = true
    try {
      const report = await call('reports.occupancy', {
        hospitalId,
        resourceType: this.resourceType,
        from: this.from,
        to: this.to,
        bucket: this.bucket,
      })
      if (mine === this.seq.occupancy)
        runInAction(() => ((this.occupancy = report), (this.occupancyError = null)))
    } catch (err) {
      if (mine === this.seq.occupancy)
        runInAction(() => ((this.occupancy = null), (this.occupancyError = asDeskError(err))))
    } finally {
      if (mine === this.seq.occupancy) runInAction(() => (this.occupancyLoading = false))
    }
  }

  async export(): Promise<void> {
    if (this.exporting) return
    this.exported = null
    this.exportError = null
    this.progress = { done: 0, total: 0 }
    try {
      const result = await runExport(
        {
          kind: this.exportKind,
          format: this.exportFormat,
          from: this.exportFrom,
          to: this.exportTo,
          hospitalId: this.hospitalId,
          hospitalName: this.hospitals.find((h) => h.id === this.hospitalId)?.name ?? null,
        },
        (done, total) => runInAction(() => (this.progress = { done, total })),
      )
      runInAction(() => (this.exported = result))
    } catch (err) {
      runInAction(() => (this.exportError = asDeskError(err)))
    } finally {
      runInAction(() => (this.progress = null))
    }
  }
}
