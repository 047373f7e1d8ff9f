import { makeAutoObservable, runInAction } from 'mobx'
import type { Drawer, ShiftClosing } from '../../../shared/contract/wallet'
import { call } from '../api/client'
import { PagedQuery } from '../stores/paged'

const PAGE = 20

/** The Cash drawer area: the signed-in account's drawer (an admin may look at anyone's). */
export class WalletStore {
  readonly list = new PagedQuery(
    async (f: { userId?: number }, page) => {
      const drawer = await call('wallet.get', { userId: f.userId, ...page })
      return { items: drawer.ledger.items, total: drawer.ledger.total, drawer }
    },
    PAGE,
    {},
  )
  lastClosing: ShiftClosing | null = null

  constructor() {
    makeAutoObservable(this)
  }

  get drawer(): Drawer | null {
    return this.list.result?.drawer ?? null
  }

  /** Whose drawer is shown; undefined for one's own. */
  get userId(): number | undefined {
    return this.list.filters.userId
  }

  load(): Promise<void> {
    return this.list.load()
  }

  show(userId: number | undefined): void {
    this.lastClosing = null
    void this.list.filter({ userId })
  }

  async deposit(amount: number, description: string): Promise<void> {
    await call('wallet.deposit', { amount, description })
    await this.list.page(0)
  }

  async closeShift(input: { countedCash: number; reason?: string; handOver?: number }): Promise<void> {
    const closing = await call('wallet.closeShift', input)
    runInAction(() => (this.lastClosing = closing))
    await this.list.page(0)
  }
}
