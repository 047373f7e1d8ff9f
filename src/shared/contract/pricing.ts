import { z } from 'zod'
import { channel } from '../channel'
import { toHundredths } from '../money'
import {
  id,
  isoDateTime,
  page,
  paisa,
  RESOURCE_TYPES,
  URGENCIES,
  whenValid,
  type Paged,
  type ResourceType,
} from '../schemas'

const SIGNED_IN = ['user', 'hospital-authority', 'admin'] as const

/** A price row as the desk shows it: money in paisa, the multiplier as a number (1.5 = 1.50x). */
export interface PriceRow {
  id: number
  hospitalId: number
  resourceType: ResourceType
  basePrice: number
  currency: string
  pricePerHour: number | null
  pricePerDay: number | null
  emergencyMultiplier: number
  effectiveFrom: string
  effectiveTo: string | null
  isActive: boolean
  createdAt: string
  /** Relative to now: in effect, superseded, or starting later. */
  state: 'current' | 'past' | 'scheduled'
}

export interface QuoteBreakdown {
  hospitalId: number
  resourceType: ResourceType
  urgency: (typeof URGENCIES)[number]
  /** The hospital_pricing row in effect at `at`. */
  priceId: number
  at: string
  currency: string
  hours: number
  basePrice: number
  /** How the duration was charged, e.g. `2 days × ৳1,500.00 + 3 hours × ৳80.00`. */
  durationDetail: { days: number; pricePerDay: number | null; hours: number; pricePerHour: number | null }
  durationPart: number
  subtotal: number
  /** The multiplier applied (1 unless urgency is critical). */
  multiplier: number
  emergencySurcharge: number
  total: number
}

/** Hours of care: a whole number from 1 hour to a year. */
const duration = z
  .number({ error: 'must be a number of hours' })
  .int('must be a whole number of hours')
  .min(1, 'must be at least 1 hour')
  .max(8760, 'must be at most 8760 hours (a year)')

export const emergencyMultiplier = z
  .number({ error: 'must be a number like 1.50' })
  .min(1, 'must be between 1.00 and 5.00')
  .max(5, 'must be between 1.00 and 5.00')
  .refine((v) => toHundredths(v) !== null, 'must have at most 2 decimals')
  .transform((v) => toHundredths(v)!)

export const priceInput = z
  .object({
    hospitalId: id,
    resourceType: z.enum(RESOURCE_TYPES, { error: 'must be beds, icu or operationTheatres' }),
    basePrice: z
      .number({ error: 'must be a number' })
      .int('must be a whole number of paisa')
      .min(0, 'cannot be negative')
      .max(10_000_000_000, 'is too large'),
    pricePerHour: paisa.nullish(),
    pricePerDay: paisa.nullish(),
    emergencyMultiplier: emergencyMultiplier.default(100),
    effectiveFrom: isoDateTime.optional(),
  })
  .strict()
  .superRefine(
    (v, ctx) => {
      if (v.pricePerHour == null && v.pricePerDay == null)
        ctx.addIssue({
          code: 'custom',
          path: ['pricePerHour'],
          message: 'give a price per hour, per day, or both',
        })
    },
    whenValid('pricePerHour', 'pricePerDay'),
  )

export const quoteInput = z
  .object({
    bookingId: id.optional(),
    hospitalId: id.optional(),
    resourceType: z.enum(RESOURCE_TYPES, { error: 'must be beds, icu or operationTheatres' }).optional(),
    urgency: z.enum(URGENCIES, { error: 'must be low, medium, high or critical' }).optional(),
    scheduledDate: isoDateTime.optional(),
    estimatedDuration: duration.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.bookingId !== undefined) {
      for (const k of [
        'hospitalId',
        'resourceType',
        'urgency',
        'scheduledDate',
        'estimatedDuration',
      ] as const)
        if (v[k] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: 'give either a bookingId or the booking’s details',
          })
      return
    }
    for (const k of ['hospitalId', 'resourceType', 'scheduledDate'] as const)
      if (v[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'is required' })
  })

export const pricingChannels = {
  'pricing.list': channel(
    z
      .object({
        hospitalId: id,
        resourceType: z.enum(RESOURCE_TYPES).optional(),
        ...page,
      })
      .strict(),
    SIGNED_IN,
  ).returns<Paged<PriceRow> & { current: Partial<Record<ResourceType, PriceRow>> }>(),
  'pricing.set': channel(priceInput, ['hospital-authority', 'admin']).returns<PriceRow>(),
  'pricing.quote': channel(quoteInput, SIGNED_IN).returns<QuoteBreakdown>(),
}
