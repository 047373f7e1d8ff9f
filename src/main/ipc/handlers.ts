/** The dispatcher's table: every channel of the contract mapped to its service. */
import { authHandlers } from '../services/auth.handlers'
import { hospitalsHandlers } from '../services/hospitals.handlers'
import { usersHandlers } from '../services/users.handlers'
import { resourcesHandlers } from '../services/resources.handlers'
import { auditHandlers } from '../services/audit.handlers'
import { adoptHandlers } from '../services/adopt.handlers'
import { bloodHandlers } from '../services/blood.handlers'
import { paymentsHandlers } from '../services/payments.handlers'
import { settingsHandlers } from '../services/paymentsConfig.handlers'
import { pricingHandlers } from '../services/pricing.handlers'
import { walletHandlers } from '../services/wallet.handlers'
import { bookingsHandlers } from '../services/bookings.handlers'
import { notificationsHandlers } from '../services/notifications.handlers'
import { backupHandlers } from '../services/backup.handlers'
import { maintenanceHandlers } from '../services/maintenance.handlers'
import { reportsHandlers } from '../services/reports.handlers'
import { hubHandlers } from '../services/hub.handlers'
import { preferencesHandlers } from '../services/preferences.handlers'
import { mergeHandlers, type HandlerTable } from './dispatcher'

export function buildHandlers(): HandlerTable {
  // Typed as the whole table: a channel in the contract without a handler does not compile.
  const table: HandlerTable = mergeHandlers(
    authHandlers,
    hospitalsHandlers,
    usersHandlers,
    resourcesHandlers,
    auditHandlers,
    adoptHandlers,
    pricingHandlers,
    paymentsHandlers,
    walletHandlers,
    bloodHandlers,
    settingsHandlers,
    bookingsHandlers,
    notificationsHandlers,
    backupHandlers,
    maintenanceHandlers,
    reportsHandlers,
    hubHandlers,
    preferencesHandlers,
  )
  return table
}
