import { z } from 'zod'
import { channel } from '../channel'
import { email, id, page, password, phone, ROLES, trimmed, type Paged } from '../schemas'
import type { PublicUser } from './auth'
import { searchText } from '../text'

export const USER_STATUSES = ['active', 'inactive', 'suspended'] as const
export type UserStatus = (typeof USER_STATUSES)[number]

/** A staff account in the admin's list: the public user and the name of its hospital. Never a password. */
export interface StaffUser extends PublicUser {
  hospitalName: string | null
}

const role = z.enum(ROLES, { error: 'must be user, hospital-authority or admin' })
const status = z.enum(USER_STATUSES, { error: 'must be active, inactive or suspended' })

const ADMIN = ['admin'] as const

export const usersChannels = {
  'users.list': channel(
    z
      .object({
        role: role.optional(),
        status: status.optional(),
        hospitalId: id.optional(),
        search: searchText(100).optional(),
        ...page,
      })
      .strict(),
    ADMIN,
  ).returns<Paged<StaffUser>>(),
  /** `hospitalId` is required for a hospital-authority and refused for an admin. */
  'users.create': channel(
    z
      .object({
        name: trimmed(100),
        email,
        password,
        phone: phone.nullable().optional(),
        role,
        hospitalId: id.nullable().optional(),
      })
      .strict(),
    ADMIN,
  ).returns<StaffUser>(),
  /** Deactivating or suspending ends the user's open sessions; the last active admin stays. */
  'users.update': channel(
    z
      .object({
        id,
        name: trimmed(100).optional(),
        phone: phone.nullable().optional(),
        role: role.optional(),
        hospitalId: id.nullable().optional(),
        status: status.optional(),
      })
      .strict(),
    ADMIN,
  ).returns<StaffUser>(),
  /** The admin sets a new password; every open session of that user ends. */
  'users.resetPassword': channel(z.object({ id, password }).strict(), ADMIN).returns<StaffUser>(),
}
