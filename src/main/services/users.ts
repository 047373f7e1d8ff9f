/**
 * Staff accounts, managed by the admin. A password is hashed here and never leaves: every channel
 * returns `StaffUser`. Deactivating, suspending or resetting a password ends that user's sessions;
 * the last active admin can be neither demoted nor deactivated, so the desk is never left without one.
 */
import type { StaffUser, UserStatus } from '../../shared/contract/users'
import { DeskError } from '../../shared/errors'
import { phoneSearchPrefix } from '../../shared/phone'
import type { Paged, Role } from '../../shared/schemas'
import { writeTx, type DB } from '../db/open'
import { findUserByEmail, findUserById, toPublicUser, type UserRow } from './auth'
import type { ActorContext } from './context'
import { requireHospital } from './hospitals'
import { hashPassword } from './passwords'
import type { SessionStore } from './sessions'

export function getStaffUser(db: DB, id: number): StaffUser | undefined {
  const row = findUserById(db, id)
  if (!row) return undefined
  const hospitalName = row.hospitalId
    ? ((db.prepare('SELECT name FROM hospitals WHERE id = ?').pluck().get(row.hospitalId) as
        string | undefined) ?? null)
    : null
  return { ...toPublicUser(row), hospitalName }
}

function requireUser(db: DB, id: number): UserRow {
  const row = findUserById(db, id)
  if (!row) throw new DeskError('NOT_FOUND', `There is no user with id ${id}.`)
  return row
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function listUsers(
  ctx: ActorContext,
  input: {
    role?: Role
    status?: UserStatus
    hospitalId?: number
    search?: string
    limit: number
    offset: number
  },
): Paged<StaffUser> {
  const where: string[] = []
  const params: unknown[] = []
  if (input.role) {
    where.push('u.role = ?')
    params.push(input.role)
  }
  if (input.status) {
    where.push('u.status = ?')
    params.push(input.status)
  }
  if (input.hospitalId) {
    where.push('u.hospitalId = ?')
    params.push(input.hospitalId)
  }
  if (input.search) {
    // Phones are stored in E.164: a number typed as people write it is searched in that form too.
    const phonePrefix = phoneSearchPrefix(input.search)
    where.push(
      `(u.name LIKE ? ESCAPE '\\' OR u.email LIKE ? ESCAPE '\\' OR u.phone LIKE ? ESCAPE '\\' OR u.phone LIKE ? ESCAPE '\\')`,
    )
    const p = likePattern(input.search)
    params.push(p, p, p, phonePrefix ? `${phonePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : p)
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = ctx.db
    .prepare(`SELECT COUNT(*) FROM users u ${clause}`)
    .pluck()
    .get(...params) as number
  const rows = ctx.db
    .prepare(
      `SELECT u.*, h.name AS hospitalName FROM users u LEFT JOIN hospitals h ON h.id = u.hospitalId
        ${clause} ORDER BY u.name COLLATE NOCASE, u.id LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit, input.offset) as (UserRow & { hospitalName: string | null })[]
  return { items: rows.map((r) => ({ ...toPublicUser(r), hospitalName: r.hospitalName })), total }
}

/** The role/hospital pairing every account must keep: an authority has a hospital, an admin none. */
function checkHospitalFor(db: DB, role: Role, hospitalId: number | null): void {
  if (role === 'hospital-authority' && hospitalId === null)
    throw DeskError.field('hospitalId', 'is required for a hospital-authority')
  if (role === 'admin' && hospitalId !== null)
    throw DeskError.field('hospitalId', 'must be empty for an admin (admins serve every hospital)')
  if (hospitalId !== null) requireHospital(db, hospitalId)
}

export async function createUser(
  ctx: ActorContext,
  input: {
    name: string
    email: string
    password: string
    phone?: string | null
    role: Role
    hospitalId?: number | null
  },
): Promise<StaffUser> {
  const hash = await hashPassword(input.password)
  return writeTx(ctx.db, () => {
    const hospitalId = input.hospitalId ?? null
    checkHospitalFor(ctx.db, input.role, hospitalId)
    if (findUserByEmail(ctx.db, input.email)) throw DeskError.field('email', 'is already in use')
    const now = ctx.now().toISOString()
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO users (name, email, password, phone, role, hospitalId, status, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      )
      .run(input.name, input.email, hash, input.phone ?? null, input.role, hospitalId, now, now)
    return getStaffUser(ctx.db, Number(lastInsertRowid))!
  })
}

function otherActiveAdmins(db: DB, id: number): number {
  return db
    .prepare(`SELECT COUNT(*) FROM users WHERE role = 'admin' AND status = 'active' AND id != ?`)
    .pluck()
    .get(id) as number
}

export function updateUser(
  ctx: ActorContext,
  sessions: SessionStore,
  input: {
    id: number
    name?: string
    phone?: string | null
    role?: Role
    hospitalId?: number | null
    status?: UserStatus
  },
): StaffUser {
  const result = writeTx(ctx.db, () => {
    const current = requireUser(ctx.db, input.id)
    const role = input.role ?? current.role
    const status = input.status ?? current.status
    // Becoming an admin drops the hospital unless one was (wrongly) given in the same change.
    let hospitalId = input.hospitalId !== undefined ? input.hospitalId : current.hospitalId
    if (role === 'admin' && input.hospitalId === undefined) hospitalId = null
    checkHospitalFor(ctx.db, role, hospitalId)
    const losesAdmin =
      current.role === 'admin' && current.status === 'active' && (role !== 'admin' || status !== 'active')
    if (losesAdmin && otherActiveAdmins(ctx.db, current.id) === 0) {
      throw new DeskError(
        'CONFLICT',
        `${current.name} is the last active administrator: make another administrator first, or the desk would have none.`,
      )
    }
    ctx.db
      .prepare(
        `UPDATE users SET name = ?, phone = ?, role = ?, hospitalId = ?, status = ?, updatedAt = ? WHERE id = ?`,
      )
      .run(
        input.name ?? current.name,
        input.phone !== undefined ? input.phone : current.phone,
        role,
        hospitalId,
        status,
        ctx.now().toISOString(),
        current.id,
      )
    return getStaffUser(ctx.db, current.id)!
  })
  // Only after the commit: a refused change must not sign anyone out.
  if (result.status !== 'active') sessions.endAllFor(result.id)
  return result
}

export async function resetPassword(
  ctx: ActorContext,
  sessions: SessionStore,
  input: { id: number; password: string },
): Promise<StaffUser> {
  const hash = await hashPassword(input.password)
  const result = writeTx(ctx.db, () => {
    const current = requireUser(ctx.db, input.id)
    ctx.db
      .prepare('UPDATE users SET password = ?, updatedAt = ? WHERE id = ?')
      .run(hash, ctx.now().toISOString(), current.id)
    return getStaffUser(ctx.db, current.id)!
  })
  sessions.endAllFor(result.id)
  return result
}
