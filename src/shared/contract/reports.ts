import { z } from 'zod'
import { channel } from '../channel'
import { id, RESOURCE_TYPES, type ResourceType } from '../schemas'

/**
 * A day of the desk, `YYYY-MM-DD`: the calendar day of the workstation's own clock (the hub's, when
 * desks share one), midnight to midnight in its local time. Main computes the day's instants from
 * it, so a Dhaka desk's "10 March" runs from 9 March 18:00 UTC to 10 March 18:00 UTC.
 */
export const deskDate = z
  .string({ error: 'must be a date like 2026-03-10' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-10')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number]
    const date = new Date(Date.UTC(y, m - 1, d))
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  }, 'is not a day of the calendar')

/** Hours and days of the desk's clock; a week is seven desk days counted from `from`. */
export const OCCUPANCY_BUCKETS = ['hour', 'day', 'week'] as const
export type OccupancyBucketSize = (typeof OCCUPANCY_BUCKETS)[number]

/** The most days one occupancy report covers, by bucket: enough for a chart, never a runaway. */
export const MAX_OCCUPANCY_DAYS: Record<OccupancyBucketSize, number> = { hour: 31, day: 366, week: 3 * 366 }

/** p50 and p90 of a set of waits, in minutes (nearest rank); null when there were none. */
export interface Percentiles {
  count: number
  p50: number
  p90: number
}

/** One hospital's one resource type on one desk day. */
export interface CensusRow {
  hospitalId: number
  hospitalName: string
  resourceType: ResourceType
  /** The counts at the midnight that starts the day (the census point). */
  total: number
  maintenance: number
  occupiedAtMidnight: number
  /** Occupied at the midnight that ends the day, or now when the day is today. */
  occupiedAtEnd: number
  /** occupiedAtMidnight ÷ (total − maintenance) × 100, one decimal; null when nothing is in service. */
  occupancyPercent: number | null
  /** Average occupied ÷ average in service over the day (to now, when the day is today). */
  averageOccupancyPercent: number | null
  /** New bookings of the day, referrals in included. */
  registrations: number
  approvals: number
  admissions: number
  discharges: number
  cancellations: number
  /** Declined without a referral: a referral out is counted there, not here. */
  declines: number
  referralsIn: number
  referralsOut: number
  /** Admission to discharge of the day's discharges, in hours (one decimal); null without any. */
  averageLengthOfStayHours: number | null
  /** Registration to approval of the day's approvals, in minutes. */
  approvalWaitMinutes: Percentiles | null
}

export interface CensusReport {
  date: string
  /** The day's instants, ISO: from its first midnight up to (not including) the next. */
  dayStart: string
  dayEnd: string
  /** The time zone the desk's day was taken in (the workstation's). */
  timeZone: string
  rows: CensusRow[]
}

export interface PeakAverage {
  peak: number
  /** Time-weighted over the bucket, two decimals. */
  average: number
}

export interface OccupancyBucket {
  /** The bucket's first instant and its end (ISO); the last bucket of today ends now. */
  start: string
  end: string
  /** The bucket as people say it, in the desk's time: `2026-03-10` or `2026-03-10 14:00`. */
  label: string
  occupied: PeakAverage
  reserved: PeakAverage
  maintenance: PeakAverage
  total: PeakAverage
}

export interface OccupancyReport {
  hospitalId: number
  hospitalName: string
  resourceType: ResourceType
  bucket: OccupancyBucketSize
  from: string
  to: string
  timeZone: string
  /** Buckets up to now: a bucket that has not begun yet is not reported. */
  buckets: OccupancyBucket[]
}

const resourceType = z.enum(RESOURCE_TYPES, { error: 'must be beds, icu or operationTheatres' })

export const occupancyInput = z
  .object({
    hospitalId: id,
    resourceType,
    /** First and last desk day, both included. */
    from: deskDate,
    to: deskDate,
    bucket: z.enum(OCCUPANCY_BUCKETS, { error: 'must be hour, day or week' }).default('day'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to < v.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' })
      return
    }
    const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 + 1
    const max = MAX_OCCUPANCY_DAYS[v.bucket]
    if (days > max)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${max} days after from for ${v.bucket}ly buckets`,
      })
  })

/** The authority of a hospital (its own only) and the administrator read the reports. */
const REPORTERS = ['hospital-authority', 'admin'] as const

export const reportsChannels = {
  'reports.census': channel(
    z.object({ hospitalId: id.optional(), date: deskDate }).strict(),
    REPORTERS,
  ).returns<CensusReport>(),
  'reports.occupancy': channel(occupancyInput, REPORTERS).returns<OccupancyReport>(),
}
