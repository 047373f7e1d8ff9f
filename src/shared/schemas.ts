/** Field schemas shared by every area's contract, so a rule is written once. */
import { z } from 'zod'

export const ROLES = ['user', 'hospital-authority', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const RESOURCE_TYPES = ['beds', 'icu', 'operationTheatres'] as const
export type ResourceType = (typeof RESOURCE_TYPES)[number]
export const URGENCIES = ['low', 'medium', 'high', 'critical'] as const
export type Urgency = (typeof URGENCIES)[number]

export const id = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be positive')

export const trimmed = (max: number, min = 1) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)

export const email = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address like name@hospital.org'))

/** Bangladeshi and international numbers: digits with an optional leading +, spaces or dashes between. */
export const phone = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, 'must be a phone number (digits, optionally starting with +)')

/** ISO 8601 date-time with an offset or Z; stored as given, compared as instants. */
export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' })

/** Money: whole paisa. ৳1,234.50 is 123450. */
export const paisa = z
  .number({ error: 'must be a number' })
  .int('must be a whole number of paisa')
  .positive('must be more than zero')
  .max(10_000_000_000, 'is too large')

export const PASSWORD_RULE = 'At least 10 characters, with at least one letter and one digit.'
export const password = z
  .string({ error: 'is required' })
  .min(10, PASSWORD_RULE)
  .max(200, 'must be at most 200 characters')
  .regex(/[A-Za-z\p{L}]/u, PASSWORD_RULE)
  .regex(/[0-9]/, PASSWORD_RULE)

/** The one-time code `serve` prints while the desk has no administrator (see main's setupCode.ts). */
export const setupCode = z
  .string({ error: 'is required: the line “Setup code: …” printed where the desk was started' })
  .trim()
  .regex(/^[0-9]{4}[ -]?[0-9]{4}$/, 'must be the 8-digit setup code, like 4821-9930')

export const page = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
}

export interface Paged<T> {
  items: T[]
  total: number
}
