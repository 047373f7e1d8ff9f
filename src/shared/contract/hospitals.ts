import { z } from 'zod'
import { channel } from '../channel'
import { email, id, page, phone, trimmed, type Paged } from '../schemas'
import { humanLines, searchText } from '../text'

export const HOSPITAL_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const
export type HospitalStatus = (typeof HOSPITAL_STATUSES)[number]

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const
export type Weekday = (typeof WEEKDAYS)[number]

/**
 * A hospital as channels return it. `specialties`, `facilities` and `operatingHours` are JSON in the
 * seed's TEXT columns and arrays/objects here. A legacy row whose JSON is not what we expect is
 * shown as empty rather than failing the whole list; the stored text is left as it was.
 */
export interface Hospital {
  id: number
  name: string
  address: string
  phone: string
  email: string | null
  website: string | null
  description: string | null
  specialties: string[]
  facilities: string[]
  status: HospitalStatus
  approvedBy: number | null
  approvedAt: string | null
  rejectionReason: string | null
  operatingHours: Partial<Record<string, string>> | null
  emergencyContact: string | null
  licenseNumber: string | null
  createdAt: string
  updatedAt: string
}

const tagList = (label: string) =>
  z
    .array(trimmed(80), { error: `must be a list of ${label}` })
    .max(40, `must list at most 40 ${label}`)
    .refine((items) => new Set(items.map((s) => s.toLowerCase())).size === items.length, {
      message: `lists a ${label.replace(/s$/, '')} twice`,
    })

const website = z
  .string({ error: 'must be text' })
  .trim()
  .max(200, 'must be at most 200 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' }))

const licenseNumber = trimmed(60).regex(
  /^[A-Za-z0-9][A-Za-z0-9/ .-]*$/,
  'must be letters, digits, spaces, dots, dashes or slashes',
)

/** Opening hours by day, e.g. `{ monday: '08:00–20:00', sunday: 'Closed' }`. */
export const operatingHours = z.partialRecord(
  z.enum(WEEKDAYS, { error: 'must be a day of the week' }),
  trimmed(60),
  {
    error: 'must be an object of opening hours by day',
  },
)

/** Optional fields: absent leaves them as they are (update) or empty (create); null clears them. */
const hospitalFields = {
  email: email.nullable().optional(),
  website: website.nullable().optional(),
  description: humanLines(2000).nullable().optional(),
  specialties: tagList('specialties').optional(),
  facilities: tagList('facilities').optional(),
  operatingHours: operatingHours.nullable().optional(),
  emergencyContact: phone.nullable().optional(),
  licenseNumber: licenseNumber.nullable().optional(),
}

export const hospitalCreateInput = z
  .object({ name: trimmed(200), address: trimmed(500), phone, ...hospitalFields })
  .strict()

export const hospitalUpdateInput = z
  .object({
    id,
    name: trimmed(200).optional(),
    address: trimmed(500).optional(),
    phone: phone.optional(),
    ...hospitalFields,
  })
  .strict()

const ADMIN = ['admin'] as const
const SIGNED_IN = ['user', 'hospital-authority', 'admin'] as const

export const hospitalsChannels = {
  /** Admins see every hospital; other roles see approved ones (an authority also sees its own). */
  'hospitals.list': channel(
    z
      .object({
        status: z
          .enum(HOSPITAL_STATUSES, { error: 'must be pending, approved, rejected or suspended' })
          .optional(),
        search: searchText(100).optional(),
        ...page,
      })
      .strict(),
    SIGNED_IN,
  ).returns<Paged<Hospital>>(),
  'hospitals.get': channel(z.object({ id }).strict(), SIGNED_IN).returns<Hospital>(),
  'hospitals.create': channel(hospitalCreateInput, ADMIN).returns<Hospital>(),
  'hospitals.update': channel(hospitalUpdateInput, ADMIN).returns<Hospital>(),
  'hospitals.approve': channel(z.object({ id }).strict(), ADMIN).returns<Hospital>(),
  'hospitals.reject': channel(z.object({ id, reason: humanLines(500) }).strict(), ADMIN).returns<Hospital>(),
  'hospitals.suspend': channel(z.object({ id }).strict(), ADMIN).returns<Hospital>(),
}
