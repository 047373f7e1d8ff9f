import { makeAutoObservable, reaction } from 'mobx'
import { createContext, useContext } from 'react'
import type { PublicUser } from '../../../shared/contract/auth'
import { ToastStore } from '../ui/toasts'
import { AuditStore } from '../audit/audit'
import { BackupsStore } from '../backup/backups'
import { BloodStore } from '../blood/blood'
import { BoardStore } from '../bookings/board'
import { BookingsStore } from '../bookings/bookings'
import { HospitalsStore } from '../hospitals/hospitals'
import { MaintenanceStore } from '../maintenance/maintenance'
import { NotificationsStore } from '../notifications/notifications'
import { OverviewStore } from '../overview/overview'
import { PaymentsStore } from '../payments/payments'
import { PricingStore } from '../pricing/pricing'
import { ResourcesStore } from '../resources/resources'
import { SessionStore } from '../auth/session'
import { SettingsStore } from '../settings/settings'
import { StaffStore } from '../users/staff'
import { WalletStore } from '../wallet/wallet'

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

/**
 * Everything one signed-in person sees: made at sign-in, dropped at sign-out or when the session
 * ends. Nothing here outlives its user, so the next person at a shared workstation starts from
 * nothing: none of the previous lists, filters, open booking or area.
 */
export class DeskStores {
  readonly ui = new UiStore()
  readonly hospitals: HospitalsStore
  readonly staff: StaffStore
  readonly resources = new ResourcesStore()
  readonly audit = new AuditStore()
  readonly payments = new PaymentsStore()
  readonly wallet = new WalletStore()
  readonly blood: BloodStore
  readonly settings = new SettingsStore()
  readonly pricing: PricingStore
  readonly backups: BackupsStore
  readonly maintenance = new MaintenanceStore()
  readonly board = new BoardStore()
  readonly notifications = new NotificationsStore()
  readonly overview = new OverviewStore()
  readonly bookings: BookingsStore

  constructor(
    readonly session: SessionStore,
    readonly toasts: ToastStore,
    readonly user: PublicUser,
    /** Counts sign-ins, so the same person signing in again also gets fresh stores and screens. */
    readonly generation: number,
  ) {
    this.blood = new BloodStore(toasts)
    this.staff = new StaffStore(toasts)
    this.hospitals = new HospitalsStore(toasts)
    this.pricing = new PricingStore(toasts)
    this.backups = new BackupsStore(session, () => this.ui.go('backups'))
    this.bookings = new BookingsStore(user.role, toasts, () => {
      void this.board.refresh()
      void this.notifications.refresh()
    })
  }

  /** Stop whatever keeps running for this user (timers, subscriptions). */
  dispose(): void {
    for (const store of Object.values(this) as { dispose?: () => void }[]) {
      if (store !== this && typeof store?.dispose === 'function') store.dispose()
    }
  }
}

/** The app: the session, the toasts, and the desk of whoever is signed in (null when nobody is). */
export class RootStore {
  readonly session = new SessionStore()
  readonly toasts = new ToastStore()
  desk: DeskStores | null = null
  private generation = 0

  constructor() {
    makeAutoObservable<RootStore, 'generation'>(this, { session: false, toasts: false, generation: false })
    reaction(
      () => (this.session.phase === 'ready' ? this.session.user : null),
      (user) => this.switchTo(user),
      { fireImmediately: true },
    )
  }

  private switchTo(user: PublicUser | null): void {
    this.desk?.dispose()
    this.toasts.clear()
    this.desk = user ? new DeskStores(this.session, this.toasts, user, ++this.generation) : null
  }
}

export const StoreContext = createContext<RootStore | null>(null)

export function useRoot(): RootStore {
  const root = useContext(StoreContext)
  if (!root) throw new Error('useRoot outside StoreContext')
  return root
}

/** The signed-in desk's stores; only screens inside the signed-in shell call this. */
export function useStores(): DeskStores {
  const desk = useRoot().desk
  if (!desk) throw new Error('useStores while nobody is signed in')
  return desk
}
