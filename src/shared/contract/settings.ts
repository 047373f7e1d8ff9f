import { z } from 'zod'
import { channel } from '../channel'
import { PAYMENT_METHODS, toHundredths, type PaymentMethod } from '../money'

/** One method's fee as the Settings screen edits it: a percentage (two decimals) and a fixed part in paisa. */
export interface FeeSetting {
  percent: number
  fixedFee: number
}

export interface PaymentSettings {
  fees: Record<PaymentMethod, FeeSetting>
  /** The active payment_config row, or null while the default (no platform fee) applies. */
  configId: number | null
  updatedAt: string | null
}

const feeSetting = z
  .object({
    percent: z
      .number({ error: 'must be a number' })
      .min(0, 'must be 0 to 100')
      .max(100, 'must be 0 to 100')
      .refine((v) => toHundredths(v) !== null, 'must have at most 2 decimals'),
    fixedFee: z
      .number({ error: 'must be a number' })
      .int('must be a whole number of paisa')
      .min(0, 'cannot be negative')
      .max(100_000_000, 'is too large'),
  })
  .strict()

export const settingsChannels = {
  'settings.get': channel(z.object({}).strict(), [
    'user',
    'hospital-authority',
    'admin',
  ]).returns<PaymentSettings>(),
  'settings.update': channel(
    z
      .object({
        fees: z
          .object(
            Object.fromEntries(PAYMENT_METHODS.map((m) => [m, feeSetting])) as Record<
              PaymentMethod,
              typeof feeSetting
            >,
          )
          .strict(),
      })
      .strict(),
    ['admin'],
  ).returns<PaymentSettings>(),
}
