/**
 * Every channel of the desk, in one table: main validates and authorises with it, the renderer's
 * client takes its types from it. A channel is added here (its area's table), in its service, and
 * in the dispatcher's handler table; nowhere else.
 */
import type { z } from 'zod'
import { mergeChannels, type ChannelDef } from './channel'
import { authChannels } from './contract/auth'
import { hospitalsChannels } from './contract/hospitals'
import { usersChannels } from './contract/users'
import { resourcesChannels } from './contract/resources'
import { auditChannels } from './contract/audit'
import { adoptChannels } from './contract/adopt'
import { bloodChannels } from './contract/blood'
import { paymentsChannels } from './contract/payments'
import { pricingChannels } from './contract/pricing'
import { settingsChannels } from './contract/settings'
import { walletChannels } from './contract/wallet'
import { bookingsChannels } from './contract/bookings'
import { notificationsChannels } from './contract/notifications'
import { backupChannels } from './contract/backup'
import { maintenanceChannels } from './contract/maintenance'
import { reportsChannels } from './contract/reports'
import { hubChannels } from './contract/hub'
import { preferencesChannels } from './contract/preferences'

export const contract = mergeChannels(
  authChannels,
  pricingChannels,
  paymentsChannels,
  walletChannels,
  bloodChannels,
  settingsChannels,
  bookingsChannels,
  notificationsChannels,
  hospitalsChannels,
  usersChannels,
  resourcesChannels,
  auditChannels,
  adoptChannels,
  backupChannels,
  maintenanceChannels,
  reportsChannels,
  hubChannels,
  preferencesChannels,
)

export type Contract = typeof contract
export type ChannelName = keyof Contract & string
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>
export type ChannelResult<K extends ChannelName> =
  Contract[K] extends ChannelDef<z.ZodType, infer R> ? R : never

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[]

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
