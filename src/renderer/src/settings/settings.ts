import { makeAutoObservable, runInAction } from 'mobx'
import type { FeeSetting, PaymentSettings } from '../../../shared/contract/settings'
import type { DeskError } from '../../../shared/errors'
import type { PaymentMethod } from '../../../shared/money'
import { asDeskError, call } from '../api/client'

/** The Settings area: the platform fee rules per payment method. */
export class SettingsStore {
  settings: PaymentSettings | null = null
  loading = false
  error: DeskError | null = null

  constructor() {
    makeAutoObservable(this)
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const settings = await call('settings.get', {})
      runInAction(() => {
        this.settings = settings
        this.error = null
      })
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  async save(fees: Record<PaymentMethod, FeeSetting>): Promise<void> {
    const settings = await call('settings.update', { fees })
    runInAction(() => (this.settings = settings))
  }
}
