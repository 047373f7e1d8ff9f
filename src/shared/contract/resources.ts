import { z } from 'zod'
import { channel } from '../channel'
import { id, RESOURCE_TYPES, type ResourceType } from '../schemas'
import type { HospitalStatus } from './hospitals'
import { humanLines } from '../text'

/** One hospital's count of one resource type: available = total − occupied − reserved − maintenance. */
export interface ResourceView {
  id: number
  hospitalId: number
  hospitalName: string
  hospitalStatus: HospitalStatus
  resourceType: ResourceType
  total: number
  available: number
  occupied: number
  reserved: number
  maintenance: number
  lastUpdated: string
  updatedBy: number | null
}

export type ResourceCounts = Pick<
  ResourceView,
  'total' | 'available' | 'occupied' | 'reserved' | 'maintenance'
>

export const resourceType = z.enum(RESOURCE_TYPES, { error: 'must be beds, icu or operationTheatres' })

const count = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'cannot be negative')
  .max(100_000, 'must be at most 100000')

export const resourcesChannels = {
  /** One hospital's three rows, or (no hospitalId) every hospital's, for the availability board. */
  'resources.list': channel(z.object({ hospitalId: id.optional() }).strict(), [
    'user',
    'hospital-authority',
    'admin',
  ]).returns<ResourceView[]>(),
  /** Admin, or the hospital-authority of that hospital. `available` is derived, never given. */
  'resources.update': channel(
    z
      .object({
        hospitalId: id,
        resourceType,
        total: count,
        maintenance: count,
        reason: humanLines(500, { min: 3 }),
      })
      .strict(),
    ['hospital-authority', 'admin'],
  ).returns<ResourceView>(),
}
