import { z } from 'zod'
import { channel } from '../channel'
import {
  id,
  isoDateTime,
  orderedRange,
  page,
  phone,
  RESOURCE_TYPES,
  trimmed,
  URGENCIES,
  type Paged,
  type ResourceType,
  type Urgency,
} from '../schemas'
import type { BookingNotification } from './notifications'
import { humanLines, searchText } from '../text'

export const BOOKING_STATUSES = [
  'pending',
  'approved',
  'admitted',
  'declined',
  'cancelled',
  'completed',
] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export const GENDERS = ['male', 'female', 'other'] as const
export type Gender = (typeof GENDERS)[number]

/** How people say each resource, singular: "no ICU bed is available". */
export const RESOURCE_LABEL: Record<ResourceType, string> = {
  beds: 'bed',
  icu: 'ICU bed',
  operationTheatres: 'operation theatre',
}

/** Queue order: the most urgent first. */
export const URGENCY_RANK: Record<Urgency, number> = { critical: 0, high: 1, medium: 2, low: 3 }

/** A booking as channels return it: the seed's columns plus the names a screen shows. */
export interface Booking {
  id: number
  userId: number
  hospitalId: number
  hospitalName: string
  resourceType: ResourceType
  patientName: string
  patientAge: number
  patientGender: Gender
  medicalCondition: string
  urgency: Urgency
  emergencyContactName: string
  emergencyContactPhone: string
  emergencyContactRelationship: string
  scheduledDate: string
  estimatedDuration: number
  status: BookingStatus
  approvedBy: number | null
  approvedAt: string | null
  authorityNotes: string | null
  declineReason: string | null
  bookingReference: string
  createdAt: string
  updatedAt: string
}

/** One row of `booking_status_history`, with the name of who made the change. */
export interface StatusChange {
  id: number
  oldStatus: BookingStatus | null
  newStatus: BookingStatus
  changedBy: number | null
  changedByName: string | null
  reason: string | null
  notes: string | null
  changedAt: string
}

export interface BookingResource {
  total: number
  available: number
  occupied: number
  reserved: number
  maintenance: number
}

/** One side of a referral, as the other booking shows it. */
export interface ReferralLink {
  bookingId: number
  bookingReference: string
  hospitalId: number
  hospitalName: string
  reason: string
  referredBy: number
  referredByName: string
  referredAt: string
}

export interface BookingDetail extends Booking {
  /** This booking was referred on: the new booking at the other hospital. */
  referredTo: ReferralLink | null
  /** This booking was created by a referral: the booking it came from. */
  referredFrom: ReferralLink | null
  createdByName: string
  approvedByName: string | null
  history: StatusChange[]
  notifications: BookingNotification[]
  /** The hospital's counts of this booking's resource now. */
  resource: BookingResource | null
}

export interface BookingList extends Paged<Booking> {
  /**
   * Without a search, the list is in queue order and `total` is exact. With one, matches come newest
   * first (by reference, or grouped by phone) and are counted up to SEARCH_CAP: `capped` says there
   * are more than that, `total` is then SEARCH_CAP, and pages stop there.
   */
  capped: boolean
}

export const SEARCH_CAP = 1000

const bookingId = { id }
const reason = (max = 1000) => humanLines(max)

export const bookingCreateInput = z
  .object({
    hospitalId: id,
    resourceType: z.enum(RESOURCE_TYPES, { error: 'must be beds, icu or operationTheatres' }),
    patientName: trimmed(120),
    patientAge: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(150, 'must be 150 or less'),
    patientGender: z.enum(GENDERS, { error: 'must be male, female or other' }),
    medicalCondition: humanLines(1000),
    urgency: z.enum(URGENCIES, { error: 'must be low, medium, high or critical' }).default('medium'),
    emergencyContactName: trimmed(120),
    emergencyContactPhone: phone,
    emergencyContactRelationship: trimmed(60),
    scheduledDate: isoDateTime,
    estimatedDuration: z
      .number({ error: 'must be a number of hours' })
      .int('must be a whole number of hours')
      .min(1, 'must be at least 1 hour')
      .max(8760, 'must be at most 8760 hours (a year)')
      .default(24),
  })
  .strict()

export const bookingListInput = orderedRange(
  z
    .object({
      hospitalId: id.optional(),
      status: z.enum(BOOKING_STATUSES, { error: 'is not a booking status' }).optional(),
      urgency: z.enum(URGENCIES, { error: 'must be low, medium, high or critical' }).optional(),
      resourceType: z.enum(RESOURCE_TYPES, { error: 'must be beds, icu or operationTheatres' }).optional(),
      scheduledFrom: isoDateTime.optional(),
      scheduledTo: isoDateTime.optional(),
      /** A reference (RC-…), a phone number, or any part of the patient's name. */
      search: searchText(100).optional(),
      ...page,
    })
    .strict(),
  'scheduledFrom',
  'scheduledTo',
)

const SIGNED_IN = ['user', 'hospital-authority', 'admin'] as const
/** The front desk registers, admits and cancels. */
const DESK = ['user'] as const
/** The authority of the booking's hospital, or an admin, decides and discharges. */
const AUTHORITY = ['hospital-authority', 'admin'] as const

export const bookingsChannels = {
  'bookings.create': channel(bookingCreateInput, DESK).returns<BookingDetail>(),
  'bookings.approve': channel(
    z.object({ ...bookingId, authorityNotes: reason().optional() }).strict(),
    AUTHORITY,
  ).returns<BookingDetail>(),
  'bookings.decline': channel(
    z.object({ ...bookingId, declineReason: reason() }).strict(),
    AUTHORITY,
  ).returns<BookingDetail>(),
  'bookings.admit': channel(
    z.object({ ...bookingId, notes: reason().optional() }).strict(),
    DESK,
  ).returns<BookingDetail>(),
  'bookings.discharge': channel(
    z.object({ ...bookingId, notes: reason().optional() }).strict(),
    AUTHORITY,
  ).returns<BookingDetail>(),
  'bookings.cancel': channel(
    z.object({ ...bookingId, reason: reason() }).strict(),
    DESK,
  ).returns<BookingDetail>(),
  /** End this booking and register the patient at another hospital, in one transaction. */
  'bookings.refer': channel(
    z.object({ ...bookingId, toHospitalId: id, reason: reason() }).strict(),
    AUTHORITY,
  ).returns<{ from: BookingDetail; to: BookingDetail }>(),
  'bookings.get': channel(z.object(bookingId).strict(), SIGNED_IN).returns<BookingDetail>(),
  'bookings.list': channel(bookingListInput, SIGNED_IN).returns<BookingList>(),
}
