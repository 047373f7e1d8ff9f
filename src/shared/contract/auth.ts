import { z } from 'zod'
import { channel } from '../channel'
import { email, password, phone, setupCode, trimmed, type Role } from '../schemas'

export interface PublicUser {
  id: number
  name: string
  email: string
  phone: string | null
  role: Role
  hospitalId: number | null
  status: 'active' | 'inactive' | 'suspended'
  lastLogin: string | null
  createdAt: string
}

export interface AppStatus {
  needsSetup: boolean
  appName: string
  appVersion: string
  schemaVersion: number
  /** Only when an administrator asks: where the database file lies is nobody else's business. */
  databasePath?: string
}

export const authChannels = {
  'auth.status': channel(z.object({}).strict(), 'public').returns<AppStatus>(),
  'auth.setupAdmin': channel(
    z.object({ name: trimmed(100), email, password, phone: phone.optional(), setupCode }).strict(),
    'public',
    /**
     * The database's recovery code comes back with the first administrator, once: the desk shows
     * it to print and keep apart. Null when the database is not encrypted.
     */
  ).returns<PublicUser & { recoveryCode: string | null }>(),
  'auth.login': channel(
    z.object({ email, password: z.string({ error: 'is required' }).min(1, 'is required').max(200) }).strict(),
    'public',
  ).returns<{ token: string; user: PublicUser }>(),
  'auth.logout': channel(z.object({}).strict(), ['user', 'hospital-authority', 'admin']).returns<{
    ok: true
  }>(),
  'auth.me': channel(z.object({}).strict(), ['user', 'hospital-authority', 'admin']).returns<PublicUser>(),
}
