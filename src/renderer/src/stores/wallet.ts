import { makeAutoObservable, runInAction } from 'mobx'
import type { Drawer, ShiftClosing } from '../../../shared/contract/wallet'
import type { DeskError } from '../../../shared/errors'
import { asDeskError, call } from '../api/client'

const PAGE = 20

/** The Cash drawer area: the signed-in account's drawer (an admin may look at anyone's). */
export class WalletStore {
  drawer: Drawer | null = null
  /** Whose drawer is shown; undefined for one's own. */
  userId: number | undefined = undefined
  offset = 0
  loading = false
  error: DeskError | null = null
  lastClosing: ShiftClosing | null = null

  constructor() {
    makeAutoObservable(this)
  }

  get pageSize(): number {
    return PAGE
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const drawer = await call('wallet.get', { userId: this.userId, limit: PAGE, offset: this.offset })
      runInAction(() => {
        this.drawer = drawer
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  show(userId: number | undefined): void {
    this.userId = userId
    this.offset = 0
    this.lastClosing = null
    void this.load()
  }

  page(offset: number): void {
    this.offset = Math.max(0, offset)
    void this.load()
  }

  async deposit(amount: number, description: string): Promise<void> {
    await call('wallet.deposit', { amount, description })
    this.offset = 0
    await this.load()
  }

  async closeShift(input: { countedCash: number; reason?: string; handOver?: number }): Promise<void> {
    const closing = await call('wallet.closeShift', input)
    runInAction(() => {
      this.lastClosing = closing
      this.offset = 0
    })
    await this.load()
  }
}
