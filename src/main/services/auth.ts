import type { AppStatus, PublicUser } from '../../shared/contract/auth'
import { DeskError } from '../../shared/errors'
import type { Role } from '../../shared/schemas'
import { writeTx, type DB } from '../db/open'
import { schemaVersion } from '../db/migrate'
import type { Actor, ServiceContext } from './context'
import { hashPassword, isLegacyHash, verifyPassword } from './passwords'
import type { SessionStore } from './sessions'
import type { SetupCode } from './setupCode'

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

/** Public: whether the first administrator is still needed. Where the file lies is for an admin only. */
export function status(ctx: ServiceContext, actor: Actor | null): AppStatus {
  return {
    needsSetup: !adminExists(ctx.db),
    appName: ctx.app.appName,
    appVersion: ctx.app.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    ...(actor?.role === 'admin' ? { databasePath: ctx.app.databasePath } : {}),
  }
}

/**
 * The first administrator. Refused once any admin exists (there are no default credentials), and
 * before that without the setup code. Both checks come before the ~55 ms hash, so a caller who
 * may not set up the desk costs it nothing.
 */
export async function setupAdmin(
  ctx: ServiceContext,
  setupCode: SetupCode,
  input: { name: string; email: string; password: string; phone?: string; setupCode: string },
): Promise<PublicUser & { recoveryCode: string | null }> {
  const alreadySetUp = () =>
    new DeskError('CONFLICT', 'The administrator account already exists. Sign in instead.')
  if (adminExists(ctx.db)) throw alreadySetUp()
  setupCode.check(input.setupCode)
  if (findUserByEmail(ctx.db, input.email)) throw DeskError.field('email', 'is already in use')
  const hash = await hashPassword(input.password)
  return writeTx(ctx.db, () => {
    // Again inside the transaction: another call may have finished while this one hashed.
    if (adminExists(ctx.db)) throw alreadySetUp()
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

/** Failures from one client address, across every account, before that address must wait. */
export const MAX_FAILED_LOGINS_PER_CLIENT = 20

interface Failures {
  count: number
  lockedUntil: number
}

/**
 * Failed sign-ins, in memory (a lock outlives nothing but this process, which is enough at a
 * desk). An account locks after 5 failures *from one client address*, and one address that fails
 * 20 times (whatever the accounts) waits too: a noisy client, or someone guessing, locks only
 * itself out, never the person signing in from another workstation.
 */
export class LoginThrottle {
  private readonly accounts = new Map<string, Failures>()
  private readonly clients = new Map<string, Failures>()
  constructor(private readonly clock: () => number = Date.now) {}

  private left(map: Map<string, Failures>, key: string): number {
    const f = map.get(key)
    if (!f) return 0
    return Math.max(0, f.lockedUntil - this.clock())
  }

  private count(map: Map<string, Failures>, key: string, max: number): void {
    // Random emails from one client must not grow this without end: forget what no longer locks.
    if (map.size > 10_000)
      for (const [k, v] of map) if (v.lockedUntil <= this.clock() && k !== key) map.delete(k)
    const f = map.get(key) ?? { count: 0, lockedUntil: 0 }
    if (f.lockedUntil && f.lockedUntil <= this.clock()) Object.assign(f, { count: 0, lockedUntil: 0 })
    f.count += 1
    if (f.count >= max) f.lockedUntil = this.clock() + LOCK_MS
    map.set(key, f)
  }

  /** How long this client must wait before trying this account, and why. */
  lockedFor(email: string, client = 'local'): { ms: number; reason: 'account' | 'client' } {
    const byClient = this.left(this.clients, client)
    if (byClient > 0) return { ms: byClient, reason: 'client' }
    return { ms: this.left(this.accounts, `${client}\u0000${email}`), reason: 'account' }
  }

  fail(email: string, client = 'local'): void {
    this.count(this.accounts, `${client}\u0000${email}`, MAX_FAILED_LOGINS)
    this.count(this.clients, client, MAX_FAILED_LOGINS_PER_CLIENT)
  }

  succeed(email: string, client = 'local'): void {
    this.accounts.delete(`${client}\u0000${email}`)
  }
}

function lockedError(lock: { ms: number; reason: 'account' | 'client' }): DeskError {
  const minutes = Math.ceil(lock.ms / 60000)
  const wait = `${minutes} more minute${minutes === 1 ? '' : 's'}`
  return new DeskError(
    'UNAUTHENTICATED',
    lock.reason === 'client'
      ? `Too many failed sign-ins from this workstation. Try again in ${wait}.`
      : `Too many failed sign-ins. This account is locked for ${wait}.`,
    { lockedForMs: lock.ms },
  )
}

export async function login(
  ctx: ServiceContext,
  sessions: SessionStore,
  throttle: LoginThrottle,
  input: { email: string; password: string },
  client = 'local',
): Promise<{ token: string; user: PublicUser }> {
  const lock = throttle.lockedFor(input.email, client)
  if (lock.ms > 0) throw lockedError(lock)
  const user = findUserByEmail(ctx.db, input.email)
  // Verify even for an unknown email, so timing does not tell which emails exist.
  const ok = (await verifyPassword(input.password, user?.password ?? (await dummyHash()))) && !!user
  if (!ok || !user) {
    throttle.fail(input.email, client)
    const after = throttle.lockedFor(input.email, client)
    if (after.ms > 0) throw lockedError(after)
    throw new DeskError('UNAUTHENTICATED', 'The email or password is not correct.')
  }
  if (user.status !== 'active') {
    throw new DeskError(
      'UNAUTHENTICATED',
      `This account is ${user.status}. Ask an administrator to reactivate it.`,
    )
  }
  throttle.succeed(input.email, client)
  const now = ctx.now().toISOString()
  // A legacy bcrypt hash is replaced by scrypt at the first login that proves the password.
  const rehash = isLegacyHash(user.password) ? await hashPassword(input.password) : null
  writeTx(ctx.db, () => {
    ctx.db.prepare('UPDATE users SET lastLogin = ? WHERE id = ?').run(now, user.id)
    if (rehash)
      ctx.db.prepare('UPDATE users SET password = ?, updatedAt = ? WHERE id = ?').run(rehash, now, user.id)
  })
  const token = sessions.create(user.id)
  return { token, user: toPublicUser(findUserById(ctx.db, user.id)!) }
}

let dummy: Promise<string> | null = null
/** A real hash to verify unknown emails against, made once, on first need. */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-0')
  return dummy
}

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
