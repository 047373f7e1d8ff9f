import { makeAutoObservable, runInAction } from 'mobx'
import type {
  HousekeepingCount,
  MaintenanceReport,
  MaintenanceResult,
  MaintenanceTask,
} from '../../../shared/contract/maintenance'
import type { DeskError } from '../../../shared/errors'
import { asDeskError, call } from '../api/client'

/** The Maintenance area (admin): the report, the tasks and their last results, cleanup's confirmation. */
export class MaintenanceStore {
  report: MaintenanceReport | null = null
  loading = false
  error: DeskError | null = null
  running: MaintenanceTask | null = null
  results: Partial<Record<MaintenanceTask, MaintenanceResult>> = {}
  /** What cleanup would change, shown for confirmation. */
  cleanupPreview: HousekeepingCount[] | null = null

  constructor() {
    makeAutoObservable(this)
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const report = await call('maintenance.report', {})
      runInAction(() => {
        this.report = report
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  async run(task: MaintenanceTask, confirm?: boolean): Promise<MaintenanceResult | null> {
    this.running = task
    this.error = null
    try {
      const result = await call('maintenance.run', { task, confirm })
      runInAction(() => (this.results = { ...this.results, [task]: result }))
      await this.load()
      return result
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
      return null
    } finally {
      runInAction(() => (this.running = null))
    }
  }

  async previewCleanup(): Promise<void> {
    const result = await this.run('cleanup')
    if (result?.task === 'cleanup') runInAction(() => (this.cleanupPreview = result.items))
  }

  async confirmCleanup(): Promise<void> {
    await this.run('cleanup', true)
    runInAction(() => (this.cleanupPreview = null))
  }

  closeCleanup(): void {
    this.cleanupPreview = null
  }
}
