/**
 * The desk's fee rules, kept in the seed's `payment_config` table: one row for gateway
 * `rapidcare-desk` is active at a time, its JSON config holding a fee rule per payment method.
 * Saving new rules adds a row and retires the old one (isActive = 0), so what a past payment was
 * charged under can still be read. With no row at all the default applies: no platform fee.
 * Rows of other gateways (an adopted back-end's) are left alone.
 */
import { z } from 'zod'
import type { FeeSetting, PaymentSettings } from '../../shared/contract/settings'
import { NO_FEE, PAYMENT_METHODS, toHundredths, type FeeRule, type PaymentMethod } from '../../shared/money'
import { writeTx, type DB } from '../db/open'
import type { ActorContext, ServiceContext } from './context'

export const DESK_FEES_GATEWAY = 'rapidcare-desk'

const storedRule = z.object({
  percentBasisPoints: z.number().int().min(0).max(10000),
  fixedFee: z.number().int().min(0),
})
const storedConfig = z.object({
  version: z.literal(1),
  fees: z.record(z.string(), storedRule),
})

export type FeeRules = Record<PaymentMethod, FeeRule>

interface ConfigRow {
  id: number
  config: string
  updatedAt: string | null
}

function activeRow(db: DB): ConfigRow | undefined {
  return db
    .prepare(
      `SELECT id, config, updatedAt FROM payment_config WHERE gateway = ? AND isActive = 1 ORDER BY id DESC LIMIT 1`,
    )
    .get(DESK_FEES_GATEWAY) as ConfigRow | undefined
}

function rulesOf(row: ConfigRow | undefined): FeeRules {
  const rules = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, NO_FEE])) as FeeRules
  if (!row) return rules
  // Written only by updateSettings, so a row that does not parse is damage: say so, charge nothing wrong.
  const parsed = storedConfig.parse(JSON.parse(row.config))
  for (const m of PAYMENT_METHODS) {
    const r = parsed.fees[m]
    if (r) rules[m] = r
  }
  return rules
}

/** The fee rule each method is charged under now. */
export function activeFeeRules(db: DB): FeeRules {
  return rulesOf(activeRow(db))
}

function toSettings(row: ConfigRow | undefined): PaymentSettings {
  const rules = rulesOf(row)
  const fees = Object.fromEntries(
    PAYMENT_METHODS.map((m) => [
      m,
      { percent: rules[m].percentBasisPoints / 100, fixedFee: rules[m].fixedFee } satisfies FeeSetting,
    ]),
  ) as Record<PaymentMethod, FeeSetting>
  return { fees, configId: row?.id ?? null, updatedAt: row?.updatedAt ?? null }
}

export function getSettings(ctx: ServiceContext): PaymentSettings {
  return toSettings(activeRow(ctx.db))
}

export function updateSettings(
  ctx: ActorContext,
  input: { fees: Record<PaymentMethod, FeeSetting> },
): PaymentSettings {
  const fees = Object.fromEntries(
    PAYMENT_METHODS.map((m) => [
      m,
      { percentBasisPoints: toHundredths(input.fees[m].percent)!, fixedFee: input.fees[m].fixedFee },
    ]),
  )
  const config = JSON.stringify({ version: 1, fees, updatedBy: ctx.actor.id })
  const now = ctx.now().toISOString()
  return writeTx(ctx.db, () => {
    ctx.db
      .prepare(`UPDATE payment_config SET isActive = 0, updatedAt = ? WHERE gateway = ? AND isActive = 1`)
      .run(now, DESK_FEES_GATEWAY)
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO payment_config (gateway, isActive, config, createdAt, updatedAt) VALUES (?, 1, ?, ?, ?)`,
      )
      .run(DESK_FEES_GATEWAY, config, now, now)
    return toSettings(
      ctx.db
        .prepare('SELECT id, config, updatedAt FROM payment_config WHERE id = ?')
        .get(lastInsertRowid) as ConfigRow,
    )
  })
}
