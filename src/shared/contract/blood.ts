import { z } from 'zod'
import { channel } from '../channel'
import { humanLines } from '../text'
import { id, isoDateTime, page, phone, trimmed, URGENCIES, type Paged, type Urgency } from '../schemas'

const SIGNED_IN = ['user', 'hospital-authority', 'admin'] as const

export const BLOOD_TYPES = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const
export type BloodType = (typeof BLOOD_TYPES)[number]
export const BLOOD_STATUSES = ['active', 'fulfilled', 'cancelled', 'expired'] as const
export type BloodStatus = (typeof BLOOD_STATUSES)[number]

export interface BloodRequest {
  id: number
  userId: number
  patientName: string
  bloodType: BloodType
  unitsNeeded: number
  urgency: Urgency
  hospitalId: number | null
  hospitalName: string | null
  contactPhone: string
  location: string
  medicalCondition: string | null
  requiredBy: string | null
  status: BloodStatus
  notes: string | null
  createdAt: string
  updatedAt: string
  requestedBy: string
}

const bloodType = z.enum(BLOOD_TYPES, { error: 'must be one of A+, A-, B+, B-, AB+, AB-, O+, O-' })
const urgency = z.enum(URGENCIES, { error: 'must be low, medium, high or critical' })

export const bloodCreateInput = z
  .object({
    patientName: trimmed(100),
    bloodType,
    unitsNeeded: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be 1 to 20')
      .max(20, 'must be 1 to 20'),
    urgency: urgency.default('medium'),
    hospitalId: id.nullish(),
    contactPhone: phone,
    location: trimmed(200),
    medicalCondition: humanLines(500).optional(),
    requiredBy: isoDateTime.optional(),
    notes: humanLines(1000).optional(),
  })
  .strict()

export const bloodChannels = {
  'blood.list': channel(
    z
      .object({
        bloodType: bloodType.optional(),
        urgency: urgency.optional(),
        status: z.enum(BLOOD_STATUSES).optional(),
        hospitalId: id.optional(),
        ...page,
      })
      .strict(),
    SIGNED_IN,
  ).returns<Paged<BloodRequest>>(),
  'blood.create': channel(bloodCreateInput, SIGNED_IN).returns<BloodRequest>(),
  'blood.update': channel(
    z
      .object({
        id,
        status: z.enum(['fulfilled', 'cancelled'], { error: 'must be fulfilled or cancelled' }),
        notes: humanLines(1000).optional(),
      })
      .strict(),
    SIGNED_IN,
  ).returns<BloodRequest>(),
}
