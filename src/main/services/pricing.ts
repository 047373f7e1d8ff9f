/**
 * Hospital prices and quotes. A new price never overwrites the old one: it closes the previous
 * row's `effectiveTo` at its own `effectiveFrom`, so the price in effect at any past instant can be
 * found again (a bill for last month's stay uses last month's price).
 */
import type { PriceRow, QuoteBreakdown } from '../../shared/contract/pricing'
import { DeskError } from '../../shared/errors'
import { AHEAD_YEARS, tooFarAhead, type Paged, type ResourceType, type Urgency } from '../../shared/schemas'
import { writeTx, type DB } from '../db/open'
import type { ActorContext } from './context'
import { assertActsFor, requireVisibleHospital } from './scope'

interface PriceDbRow {
  id: number
  hospitalId: number
  resourceType: ResourceType
  basePrice: number
  currency: string | null
  pricePerHour: number | null
  pricePerDay: number | null
  emergencyMultiplier: number | null
  effectiveFrom: string
  effectiveTo: string | null
  isActive: number
  createdAt: string
}

export function hospitalName(db: DB, hospitalId: number): string | undefined {
  return db.prepare('SELECT name FROM hospitals WHERE id = ?').pluck().get(hospitalId) as string | undefined
}

function instant(iso: string): number {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) throw new Error(`Unreadable date in the database: ${iso}`)
  return t
}

function toPriceRow(row: PriceDbRow, now: number): PriceRow {
  const from = instant(row.effectiveFrom)
  const to = row.effectiveTo ? instant(row.effectiveTo) : Infinity
  return {
    id: row.id,
    hospitalId: row.hospitalId,
    resourceType: row.resourceType,
    basePrice: row.basePrice,
    currency: row.currency ?? 'BDT',
    pricePerHour: row.pricePerHour,
    pricePerDay: row.pricePerDay,
    emergencyMultiplier: (row.emergencyMultiplier ?? 100) / 100,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    isActive: !!row.isActive,
    createdAt: row.createdAt,
    state: from > now ? 'scheduled' : to <= now ? 'past' : 'current',
  }
}

function pricesOf(db: DB, hospitalId: number, resourceType: ResourceType): PriceDbRow[] {
  const rows = db
    .prepare('SELECT * FROM hospital_pricing WHERE hospitalId = ? AND resourceType = ?')
    .all(hospitalId, resourceType) as PriceDbRow[]
  // Compared as instants, not as text: adopted rows may carry another date format or offset.
  return rows.sort((a, b) => instant(a.effectiveFrom) - instant(b.effectiveFrom))
}

/** The price row in effect at `at`, or undefined. */
export function priceAt(
  db: DB,
  hospitalId: number,
  resourceType: ResourceType,
  at: Date,
): PriceDbRow | undefined {
  const t = at.getTime()
  return pricesOf(db, hospitalId, resourceType).find(
    (r) => instant(r.effectiveFrom) <= t && (r.effectiveTo === null || t < instant(r.effectiveTo)),
  )
}

export function listPrices(
  ctx: ActorContext,
  input: { hospitalId: number; resourceType?: ResourceType; limit: number; offset: number },
): Paged<PriceRow> & { current: Partial<Record<ResourceType, PriceRow>> } {
  // The same visibility as hospitals.get: a pending hospital's prices are not anyone's to read.
  requireVisibleHospital(ctx.db, ctx.actor, input.hospitalId)
  const now = ctx.now().getTime()
  const rows = (
    ctx.db
      .prepare(`SELECT * FROM hospital_pricing WHERE hospitalId = ? AND (? IS NULL OR resourceType = ?)`)
      .all(input.hospitalId, input.resourceType ?? null, input.resourceType ?? null) as PriceDbRow[]
  )
    .map((r) => toPriceRow(r, now))
    .sort(
      (a, b) =>
        a.resourceType.localeCompare(b.resourceType) || instant(b.effectiveFrom) - instant(a.effectiveFrom),
    )
  const current: Partial<Record<ResourceType, PriceRow>> = {}
  for (const r of rows) if (r.state === 'current') current[r.resourceType] = r
  return { items: rows.slice(input.offset, input.offset + input.limit), total: rows.length, current }
}

export function setPrice(
  ctx: ActorContext,
  input: {
    hospitalId: number
    resourceType: ResourceType
    basePrice: number
    pricePerHour?: number | null
    pricePerDay?: number | null
    /** Hundredths: 150 = 1.50x. */
    emergencyMultiplier: number
    effectiveFrom?: string
  },
): PriceRow {
  const now = ctx.now()
  const from = input.effectiveFrom ? new Date(input.effectiveFrom) : now
  // A price years ahead would refuse every later one for this resource until then.
  const ahead = tooFarAhead(from.toISOString(), now, AHEAD_YEARS.price)
  if (ahead) throw DeskError.field('effectiveFrom', ahead)
  const fromIso = from.toISOString()
  const nowIso = now.toISOString()
  return writeTx(ctx.db, () => {
    if (!hospitalName(ctx.db, input.hospitalId))
      throw new DeskError('NOT_FOUND', `There is no hospital #${input.hospitalId}.`)
    assertActsFor(ctx.actor, input.hospitalId, 'set its prices')
    const history = pricesOf(ctx.db, input.hospitalId, input.resourceType)
    const latest = history.at(-1)
    if (latest && instant(latest.effectiveFrom) >= from.getTime()) {
      throw new DeskError(
        'CONFLICT',
        `effectiveFrom: must be after ${latest.effectiveFrom}, when the latest ${input.resourceType} price starts. History is kept, never rewritten.`,
        { field: 'effectiveFrom', fields: { effectiveFrom: `must be after ${latest.effectiveFrom}` } },
      )
    }
    // Bills are recomputed from the price in effect at the time: a new price that started in the
    // past would silently change what finished stays cost. Only a first price may be backdated.
    if (latest && from.getTime() < now.getTime()) {
      throw new DeskError(
        'CONFLICT',
        `effectiveFrom: a new ${input.resourceType} price cannot start in the past; bills already given would change.`,
        { field: 'effectiveFrom', fields: { effectiveFrom: 'cannot be in the past once a price exists' } },
      )
    }
    if (latest) {
      ctx.db
        .prepare('UPDATE hospital_pricing SET effectiveTo = ?, isActive = 0, updatedAt = ? WHERE id = ?')
        .run(fromIso, nowIso, latest.id)
    }
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO hospital_pricing
           (hospitalId, resourceType, basePrice, currency, pricePerHour, pricePerDay, emergencyMultiplier,
            effectiveFrom, effectiveTo, isActive, createdAt, updatedAt)
         VALUES (?, ?, ?, 'BDT', ?, ?, ?, ?, NULL, 1, ?, ?)`,
      )
      .run(
        input.hospitalId,
        input.resourceType,
        input.basePrice,
        input.pricePerHour ?? null,
        input.pricePerDay ?? null,
        input.emergencyMultiplier,
        fromIso,
        nowIso,
        nowIso,
      )
    const row = ctx.db
      .prepare('SELECT * FROM hospital_pricing WHERE id = ?')
      .get(lastInsertRowid) as PriceDbRow
    return toPriceRow(row, now.getTime())
  })
}

/**
 * The charge for `hours` of care at one price. With both rates, whole days at the day rate and the
 * hours left at the hour rate, never more than a day costs; with one rate, that rate (a part day
 * counts as a day).
 */
export function durationCharge(
  hours: number,
  pricePerHour: number | null,
  pricePerDay: number | null,
): { part: number; days: number; hours: number } {
  if (pricePerDay !== null && pricePerHour !== null) {
    let days = Math.floor(hours / 24)
    let rest = hours % 24
    if (rest * pricePerHour >= pricePerDay) {
      days += 1
      rest = 0
    }
    return { part: days * pricePerDay + rest * pricePerHour, days, hours: rest }
  }
  if (pricePerDay !== null) {
    const days = Math.ceil(hours / 24)
    return { part: days * pricePerDay, days, hours: 0 }
  }
  if (pricePerHour !== null) return { part: hours * pricePerHour, days: 0, hours }
  return { part: 0, days: 0, hours: 0 }
}

export interface QuoteRequest {
  hospitalId: number
  resourceType: ResourceType
  urgency: Urgency
  at: Date
  hours: number
}

/** The breakdown for a stay; NOT_FOUND when the hospital has no price in effect at `at`. */
export function computeQuote(db: DB, q: QuoteRequest): QuoteBreakdown {
  const price = priceAt(db, q.hospitalId, q.resourceType, q.at)
  if (!price) {
    throw new DeskError(
      'NOT_FOUND',
      `No ${RESOURCE_LABEL[q.resourceType]} price is set for this hospital on ${q.at.toISOString().slice(0, 10)}.`,
      { field: 'scheduledDate' },
    )
  }
  const d = durationCharge(q.hours, price.pricePerHour, price.pricePerDay)
  const subtotal = price.basePrice + d.part
  const hundredths = q.urgency === 'critical' ? (price.emergencyMultiplier ?? 100) : 100
  // Rounded half up to the paisa; BigInt so a year in an ICU at 5x cannot lose a digit.
  const total = Number((BigInt(subtotal) * BigInt(hundredths) + 50n) / 100n)
  return {
    hospitalId: q.hospitalId,
    resourceType: q.resourceType,
    urgency: q.urgency,
    priceId: price.id,
    at: q.at.toISOString(),
    currency: price.currency ?? 'BDT',
    hours: q.hours,
    basePrice: price.basePrice,
    durationDetail: {
      days: d.days,
      pricePerDay: price.pricePerDay,
      hours: d.hours,
      pricePerHour: price.pricePerHour,
    },
    durationPart: d.part,
    subtotal,
    multiplier: hundredths / 100,
    emergencySurcharge: total - subtotal,
    total,
  }
}

export const RESOURCE_LABEL: Record<ResourceType, string> = {
  beds: 'bed',
  icu: 'ICU',
  operationTheatres: 'operation theatre',
}

export interface BookingForQuote {
  id: number
  hospitalId: number
  resourceType: ResourceType
  urgency: Urgency | null
  scheduledDate: string
  estimatedDuration: number | null
}

export function quote(
  ctx: ActorContext,
  input: {
    bookingId?: number
    hospitalId?: number
    resourceType?: ResourceType
    urgency?: Urgency
    scheduledDate?: string
    estimatedDuration?: number
  },
): QuoteBreakdown {
  if (input.bookingId !== undefined) {
    const b = ctx.db
      .prepare(
        'SELECT id, hospitalId, resourceType, urgency, scheduledDate, estimatedDuration FROM bookings WHERE id = ?',
      )
      .get(input.bookingId) as BookingForQuote | undefined
    if (!b) throw new DeskError('NOT_FOUND', `There is no booking #${input.bookingId}.`)
    // A booking's details are its hospital's: quoting it must not reveal another hospital's bookings.
    assertActsFor(ctx.actor, b.hospitalId, 'quote its bookings')
    return computeQuote(ctx.db, {
      hospitalId: b.hospitalId,
      resourceType: b.resourceType,
      urgency: b.urgency ?? 'medium',
      at: new Date(instant(b.scheduledDate)),
      hours: b.estimatedDuration ?? 24,
    })
  }
  requireVisibleHospital(ctx.db, ctx.actor, input.hospitalId!)
  return computeQuote(ctx.db, {
    hospitalId: input.hospitalId!,
    resourceType: input.resourceType!,
    urgency: input.urgency ?? 'medium',
    at: new Date(input.scheduledDate!),
    hours: input.estimatedDuration ?? 24,
  })
}
