import { makeAutoObservable } from 'mobx'
import { createContext, useContext } from 'react'
import { BackupsStore } from './backups'
import { BoardStore } from './board'
import { BookingsStore } from './bookings'
import { NotificationsStore } from './notifications'
import { OverviewStore } from './overview'
import { BloodStore } from './blood'
import { MaintenanceStore } from './maintenance'
import { PaymentsStore } from './payments'
import { PricingStore } from './pricing'
import { AuditStore } from './audit'
import { HospitalsStore } from './hospitals'
import { ResourcesStore } from './resources'
import { SessionStore } from './session'
import { StaffStore } from './staff'
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
  hospitals = new HospitalsStore()
  staff = new StaffStore()
  resources = new ResourcesStore()
  audit = new AuditStore()
  payments = new PaymentsStore()
  wallet = new WalletStore()
  blood = new BloodStore()
  settings = new SettingsStore()
  pricing = new PricingStore()
  backups = new BackupsStore(this.session, () => this.ui.go('backups'))
  maintenance = new MaintenanceStore()
  board = new BoardStore()
  notifications = new NotificationsStore()
  overview = new OverviewStore()
  bookings = new BookingsStore(() => void Promise.all([this.board.refresh(), this.notifications.refresh()]))
}

export const StoreContext = createContext<RootStore | null>(null)

export function useStores(): RootStore {
  const stores = useContext(StoreContext)
  if (!stores) throw new Error('useStores outside StoreContext')
  return stores
}
