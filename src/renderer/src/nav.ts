import type { ComponentType } from 'react'
import type { Role } from '../../shared/schemas'
import { BloodScreen } from './screens/BloodScreen'
import { BoardScreen } from './screens/BookingsBoard'
import { NewBookingScreen } from './screens/BookingsNew'
import { BookingsScreen } from './screens/BookingsScreen'
import { AuditScreen } from './screens/AuditScreen'
import { BackupsScreen } from './screens/BackupsScreen'
import { MaintenanceScreen } from './screens/MaintenanceScreen'
import { HomeScreen } from './screens/HomeScreen'
import { HospitalsScreen } from './screens/HospitalsScreen'
import { ResourcesScreen } from './screens/ResourcesScreen'
import { StaffScreen } from './screens/StaffScreen'
import { PaymentsScreen } from './screens/PaymentsScreen'
import { PricingScreen } from './screens/PricingScreen'
import { SettingsScreen } from './screens/SettingsScreen'
import { WalletScreen } from './screens/WalletScreen'
import { ReportsScreen } from './reports/ReportsScreen'

/** An area of the desk in the sidebar: shown only to the roles that may use it. */
export interface Area {
  id: string
  label: string
  /** A short glyph shown before the label. */
  icon: string
  roles: readonly Role[]
  component: ComponentType
}

const EVERYONE: readonly Role[] = ['user', 'hospital-authority', 'admin']

export const AREAS: Area[] = [
  { id: 'home', label: 'Overview', icon: '◉', roles: EVERYONE, component: HomeScreen },
  { id: 'bookings', label: 'Bookings', icon: '☑', roles: EVERYONE, component: BookingsScreen },
  { id: 'new-booking', label: 'New booking', icon: '+', roles: ['user'], component: NewBookingScreen },
  { id: 'board', label: 'Availability', icon: '▥', roles: EVERYONE, component: BoardScreen },
  { id: 'hospitals', label: 'Hospitals', icon: '⌂', roles: ['admin'], component: HospitalsScreen },
  {
    id: 'resources',
    label: 'Resources',
    icon: '▦',
    roles: ['hospital-authority', 'admin'],
    component: ResourcesScreen,
  },
  { id: 'staff', label: 'Staff', icon: '☷', roles: ['admin'], component: StaffScreen },
  {
    id: 'audit',
    label: 'Audit trail',
    icon: '☰',
    roles: ['hospital-authority', 'admin'],
    component: AuditScreen,
  },
  {
    id: 'reports',
    label: 'Reports',
    icon: '▨',
    roles: ['hospital-authority', 'admin'],
    component: ReportsScreen,
  },
  { id: 'payments', label: 'Payments', icon: '৳', roles: EVERYONE, component: PaymentsScreen },
  { id: 'wallet', label: 'Cash drawer', icon: '▤', roles: EVERYONE, component: WalletScreen },
  { id: 'pricing', label: 'Pricing', icon: '◈', roles: EVERYONE, component: PricingScreen },
  { id: 'blood', label: 'Blood requests', icon: '♥', roles: EVERYONE, component: BloodScreen },
  { id: 'settings', label: 'Settings', icon: '⚙', roles: ['admin'], component: SettingsScreen },
  { id: 'backups', label: 'Backups', icon: '⛁', roles: ['admin'], component: BackupsScreen },
  { id: 'maintenance', label: 'Maintenance', icon: '✚', roles: ['admin'], component: MaintenanceScreen },
]

export function areasFor(role: Role): Area[] {
  return AREAS.filter((a) => a.roles.includes(role))
}
