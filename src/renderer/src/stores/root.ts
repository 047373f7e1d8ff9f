import { makeAutoObservable } from 'mobx'
import { createContext, useContext } from 'react'
import { BloodStore } from './blood'
import { PaymentsStore } from './payments'
import { PricingStore } from './pricing'
import { SessionStore } from './session'
import { SettingsStore } from './settings'
import { WalletStore } from './wallet'

/** Which area of the desk is on screen. */
export class UiStore {
  area = 'home'
  constructor() {
    makeAutoObservable(this)
  }
  go(area: string): void {
    this.area = area
  }
}

/** One store per area, plus the session; areas add theirs here. */
export class RootStore {
  session = new SessionStore()
  ui = new UiStore()
  payments = new PaymentsStore()
  wallet = new WalletStore()
  blood = new BloodStore()
  settings = new SettingsStore()
  pricing = new PricingStore()
}

export const StoreContext = createContext<RootStore | null>(null)

export function useStores(): RootStore {
  const stores = useContext(StoreContext)
  if (!stores) throw new Error('useStores outside StoreContext')
  return stores
}
