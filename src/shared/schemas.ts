/** Field schemas shared by every area's contract, so a rule is written once. */
import { z } from 'zod'
import { toAsciiDigits } from './locale/digits'

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

/**
 * Bangladeshi and international numbers: digits with an optional leading +, spaces or dashes between.
 * Bangla digits (০১৭…) are accepted and stored as ASCII, whichever transport brought them.
 */
export const phone = z
  .string({ error: 'is required' })
  .transform(toAsciiDigits)
  .pipe(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, 'must be a phone number (digits, optionally starting with +)'),
  )

/** ISO 8601 date-time with an offset or Z (Bangla digits read as ASCII); stored as given, compared as instants. */
export const isoDateTime = z
  .string({ error: 'must be an ISO 8601 date-time' })
  .transform(toAsciiDigits)
  .pipe(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }))

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

export const page = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
}

export interface Paged<T> {
  items: T[]
  total: number
}
