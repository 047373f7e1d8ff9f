import { makeAutoObservable, runInAction } from 'mobx'
import type { BackupList, BackupResult, RestoreResult, VerifiedBackup } from '../../../shared/contract/backup'
import { DeskError } from '../../../shared/errors'
import { asDeskError, call } from '../api/client'
import type { SessionStore } from '../auth/session'

export const BACKUPS_PAGE = 20
const POLL_MS = 400

type Restored = Extract<RestoreResult, { restored: true }>

/** The Backups area (admin): the list, an export with its progress, and the checked-then-confirmed restore. */
export class BackupsStore {
  list: BackupList | null = null
  offset = 0
  loading = false
  error: DeskError | null = null
  exporting = false
  exported: BackupResult | null = null
  /** The backup being checked before a restore (its file name). */
  checking: string | null = null
  /** A backup that passed its check, waiting for the administrator's confirmation. */
  confirming: VerifiedBackup | null = null
  restoring = false
  restored: Restored | null = null
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    readonly session: SessionStore,
    /** Bring the Backups screen forward (File → Export/Restore in Electron). */
    readonly show: () => void,
  ) {
    makeAutoObservable<BackupsStore, 'unsubscribe'>(this, { session: false, show: false, unsubscribe: false })
    // In Electron the menu's dialogs run in main; the screen follows the job's progress.
    const follow = () => {
      this.show()
      this.watch()
    }
    const bridge = typeof window === 'undefined' ? undefined : window.rapidcare
    this.unsubscribe = [
      bridge?.onMenu('menu:export-backup', follow),
      bridge?.onMenu('menu:restore-backup', follow),
    ]
  }

  private unsubscribe: (undefined | (() => void))[] = []

  /** Signed out: stop following the menu and the running job. */
  dispose(): void {
    for (const off of this.unsubscribe) off?.()
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  get busy(): boolean {
    return this.exporting || this.restoring || this.checking !== null || !!this.list?.running
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const list = await call('backup.list', { limit: BACKUPS_PAGE, offset: this.offset })
      runInAction(() => {
        this.list = list
        // A job may be running that this page did not start (the automatic backup, the menu's).
        if (list.running) this.watch()
        else if (!this.exporting && !this.restoring && !this.checking) this.unwatch()
      })
    } catch (err) {
      runInAction(() => {
        this.error = asDeskError(err)
        this.unwatch()
      })
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  page(offset: number): void {
    this.offset = Math.max(0, offset)
    void this.load()
  }

  /** Poll the list while a job runs, for its progress bar. */
  watch(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.load(), POLL_MS)
  }

  unwatch(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  clearNotices(): void {
    this.error = null
    this.exported = null
    this.restored = null
  }

  async exportNow(): Promise<void> {
    this.clearNotices()
    this.exporting = true
    this.watch()
    try {
      const result = await call('backup.export', {})
      runInAction(() => (this.exported = result))
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.exporting = false))
      await this.load()
    }
  }

  /** Step one of a restore: verify the backup and show what it holds. Nothing changes. */
  async check(file: string): Promise<void> {
    this.clearNotices()
    this.checking = file
    this.watch()
    try {
      const result = await call('backup.restore', { file })
      runInAction(() => (this.confirming = result.backup))
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.checking = null))
      await this.load()
    }
  }

  cancelRestore(): void {
    this.confirming = null
  }

  /** Step two: restore the backup that was checked and confirmed (the same one: its SHA-256 says so). */
  async restore(): Promise<void> {
    const backup = this.confirming
    if (!backup) return
    this.restoring = true
    this.watch()
    try {
      const result = await call('backup.restore', { file: backup.file, sha256: backup.sha256 })
      if (!result.restored) throw new DeskError('INTERNAL', 'The backup was checked but not restored.')
      runInAction(() => {
        this.confirming = null
        this.restored = result
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
      return
    } finally {
      runInAction(() => (this.restoring = false))
    }
    try {
      await call('auth.me', {})
      await this.load()
    } catch {
      // The restored database does not know this account as it was: sign in again, and say why.
      runInAction(() => {
        this.session.expired()
        this.session.error = new DeskError(
          'UNAUTHENTICATED',
          'The backup was restored. Your account is not the same in it, so please sign in again.',
        )
        this.unwatch()
      })
    }
  }
}
