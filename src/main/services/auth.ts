import type { AppStatus, PublicUser } from '../../shared/contract/auth'
import { DeskError } from '../../shared/errors'
import type { Role } from '../../shared/schemas'
import { writeTx, type DB } from '../db/open'
import { schemaVersion } from '../db/migrate'
import type { Actor, ServiceContext } from './context'
import { hashPassword, isLegacyHash, verifyPassword } from './passwords'
import type { SessionStore } from './sessions'

export const MAX_FAILED_LOGINS = 5
export const LOCK_MS = 5 * 60 * 1000

export interface UserRow {
  id: number
  name: string
  email: string
  password: string
  phone: string | null
  role: Role
  hospitalId: number | null
  status: 'active' | 'inactive' | 'suspended'
  lastLogin: string | null
  createdAt: string
}

/** A user as any channel may return it: the password hash never leaves this module. */
export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    hospitalId: row.hospitalId,
    status: row.status,
    lastLogin: row.lastLogin,
    createdAt: row.createdAt,
  }
}

export function findUserById(db: DB, id: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
}

export function findUserByEmail(db: DB, email: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE email = ? COLLATE NOCASE').get(email) as UserRow | undefined
}

export function adminExists(db: DB): boolean {
  return !!db.prepare(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`).get()
}

export function status(ctx: ServiceContext): AppStatus {
  return {
    needsSetup: !adminExists(ctx.db),
    appName: ctx.app.appName,
    appVersion: ctx.app.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    databasePath: ctx.app.databasePath,
  }
}

/** The first administrator. Refused once any admin exists: there are no default credentials. */
export function setupAdmin(
  ctx: ServiceContext,
  input: { name: string; email: string; password: string; phone?: string },
): PublicUser & { recoveryCode: string | null } {
  const hash = hashPassword(input.password)
  return writeTx(ctx.db, () => {
    if (adminExists(ctx.db))
      throw new DeskError('CONFLICT', 'The administrator account already exists. Sign in instead.')
    if (findUserByEmail(ctx.db, input.email)) throw DeskError.field('email', 'is already in use')
    const now = ctx.now().toISOString()
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO users (name, email, password, phone, role, status, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, 'admin', 'active', ?, ?)`,
      )
      .run(input.name, input.email, hash, input.phone ?? null, now, now)
    const user = toPublicUser(findUserById(ctx.db, Number(lastInsertRowid))!)
    return { ...user, recoveryCode: ctx.app.databaseKey?.recoveryCode() ?? null }
  })
}

/** Failed attempts per email, in memory: a lock outlives nothing but this process, which is enough at a desk. */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>()
  constructor(private readonly clock: () => number = Date.now) {}

  lockedFor(email: string): number {
    const f = this.failures.get(email)
    if (!f) return 0
    return Math.max(0, f.lockedUntil - this.clock())
  }

  fail(email: string): void {
    const f = this.failures.get(email) ?? { count: 0, lockedUntil: 0 }
    if (f.lockedUntil && f.lockedUntil <= this.clock()) f.count = 0
    f.count += 1
    if (f.count >= MAX_FAILED_LOGINS) f.lockedUntil = this.clock() + LOCK_MS
    this.failures.set(email, f)
  }

  succeed(email: string): void {
    this.failures.delete(email)
  }
}

export function login(
  ctx: ServiceContext,
  sessions: SessionStore,
  throttle: LoginThrottle,
  input: { email: string; password: string },
): { token: string; user: PublicUser } {
  const locked = throttle.lockedFor(input.email)
  if (locked > 0) {
    const minutes = Math.ceil(locked / 60000)
    throw new DeskError(
      'UNAUTHENTICATED',
      `Too many failed sign-ins. This account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`,
      { lockedForMs: locked },
    )
  }
  const user = findUserByEmail(ctx.db, input.email)
  // Verify even for an unknown email, so timing does not tell which emails exist.
  const ok = verifyPassword(input.password, user?.password ?? DUMMY_HASH) && !!user
  if (!ok || !user) {
    throttle.fail(input.email)
    const left = throttle.lockedFor(input.email)
    throw new DeskError(
      'UNAUTHENTICATED',
      left > 0
        ? 'Too many failed sign-ins. This account is locked for 5 minutes.'
        : 'The email or password is not correct.',
    )
  }
  if (user.status !== 'active') {
    throw new DeskError(
      'UNAUTHENTICATED',
      `This account is ${user.status}. Ask an administrator to reactivate it.`,
    )
  }
  throttle.succeed(input.email)
  const now = ctx.now().toISOString()
  writeTx(ctx.db, () => {
    ctx.db.prepare('UPDATE users SET lastLogin = ? WHERE id = ?').run(now, user.id)
    // A legacy bcrypt hash is replaced by scrypt at the first login that proves the password.
    if (isLegacyHash(user.password)) {
      ctx.db
        .prepare('UPDATE users SET password = ?, updatedAt = ? WHERE id = ?')
        .run(hashPassword(input.password), now, user.id)
    }
  })
  const token = sessions.create(user.id)
  return { token, user: toPublicUser(findUserById(ctx.db, user.id)!) }
}

const DUMMY_HASH = hashPassword('not-a-real-password-0')

/** The actor behind a token, or null: re-read each call so a suspension or role change takes effect at once. */
export function actorFor(
  db: DB,
  sessions: SessionStore,
  token: string | null,
  /** False for a live feed re-checking its subscriber: listening is not activity. */
  touch = true,
): Actor | null {
  const userId = touch ? sessions.touch(token) : sessions.peek(token)
  if (userId === null) return null
  const row = findUserById(db, userId)
  if (!row || row.status !== 'active') {
    if (token) sessions.end(token)
    return null
  }
  return { id: row.id, name: row.name, email: row.email, role: row.role, hospitalId: row.hospitalId }
}
