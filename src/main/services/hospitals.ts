/**
 * Hospitals: the admin registers them (pending), approves, rejects or suspends them. Only an
 * approved hospital takes bookings (`assertHospitalApproved`, for the bookings service). A hospital's
 * three resource rows are created with it, at zero, with their `create` audit rows, in one transaction.
 */
import type { z } from 'zod'
import type {
  Hospital,
  HospitalStatus,
  hospitalCreateInput,
  hospitalUpdateInput,
} from '../../shared/contract/hospitals'
import { DeskError } from '../../shared/errors'
import { RESOURCE_TYPES, type Paged } from '../../shared/schemas'
import { writeTx, type DB } from '../db/open'
import type { ActorContext } from './context'
import { requireVisibleHospital, visibleHospitalsSql } from './scope'
import { writeResourceAudit, type ResourceCounts } from './resourceLedger'

interface HospitalRow {
  id: number
  name: string
  address: string
  phone: string
  email: string | null
  website: string | null
  description: string | null
  specialties: string | null
  facilities: string | null
  status: HospitalStatus
  approvedBy: number | null
  approvedAt: string | null
  rejectionReason: string | null
  operatingHours: string | null
  emergencyContact: string | null
  licenseNumber: string | null
  createdAt: string
  updatedAt: string
}

export const ZERO_COUNTS: ResourceCounts = {
  total: 0,
  available: 0,
  occupied: 0,
  reserved: 0,
  maintenance: 0,
}

function parseJson(text: string | null): unknown {
  if (text === null || text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function stringList(text: string | null): string[] {
  const value = parseJson(text)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function hoursObject(text: string | null): Partial<Record<string, string>> | null {
  const value = parseJson(text)
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v
  return out
}

function toHospital(row: HospitalRow): Hospital {
  return {
    ...row,
    specialties: stringList(row.specialties),
    facilities: stringList(row.facilities),
    operatingHours: hoursObject(row.operatingHours),
  }
}

/** A hospital by id, or undefined. */
export function getHospital(db: DB, id: number): Hospital | undefined {
  const row = db.prepare('SELECT * FROM hospitals WHERE id = ?').get(id) as HospitalRow | undefined
  return row && toHospital(row)
}

/** A hospital by id; NOT_FOUND naming the field when there is none. */
export function requireHospital(db: DB, id: number, field = 'hospitalId'): Hospital {
  const hospital = getHospital(db, id)
  if (!hospital) {
    throw new DeskError('NOT_FOUND', `There is no hospital with id ${id}.`, {
      field,
      fields: { [field]: 'is not a known hospital' },
    })
  }
  return hospital
}

/** Only an approved hospital takes bookings: NOT_FOUND or CONFLICT otherwise. */
export function assertHospitalApproved(db: DB, id: number, field = 'hospitalId'): Hospital {
  const hospital = requireHospital(db, id, field)
  if (hospital.status !== 'approved') {
    throw new DeskError(
      'CONFLICT',
      `${hospital.name} is ${hospital.status}, not approved: only an approved hospital takes bookings.`,
      { field, fields: { [field]: `is ${hospital.status}, not approved` }, status: hospital.status },
    )
  }
  return hospital
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function listHospitals(
  ctx: ActorContext,
  input: { status?: HospitalStatus; search?: string; limit: number; offset: number },
): Paged<Hospital> {
  const where: string[] = []
  const params: unknown[] = []
  if (input.status) {
    where.push('status = ?')
    params.push(input.status)
  }
  if (input.search) {
    where.push(`(name LIKE ? ESCAPE '\\' OR address LIKE ? ESCAPE '\\')`)
    params.push(likePattern(input.search), likePattern(input.search))
  }
  const visible = visibleHospitalsSql(ctx.actor)
  where.push(visible.sql)
  params.push(...visible.params)
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = ctx.db
    .prepare(`SELECT COUNT(*) FROM hospitals ${clause}`)
    .pluck()
    .get(...params) as number
  const rows = ctx.db
    .prepare(`SELECT * FROM hospitals ${clause} ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as HospitalRow[]
  return { items: rows.map(toHospital), total }
}

export function fetchHospital(ctx: ActorContext, id: number): Hospital {
  requireVisibleHospital(ctx.db, ctx.actor, id, 'id')
  return getHospital(ctx.db, id)!
}

type CreateInput = z.output<typeof hospitalCreateInput>
type UpdateInput = z.output<typeof hospitalUpdateInput>

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))

function assertNameFree(db: DB, name: string, exceptId: number | null): void {
  const clash = db
    .prepare('SELECT id FROM hospitals WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
    .get(name, exceptId)
  if (clash) throw DeskError.field('name', 'is already the name of another hospital')
}

export function createHospital(ctx: ActorContext, input: CreateInput): Hospital {
  return writeTx(ctx.db, () => {
    assertNameFree(ctx.db, input.name, null)
    const now = ctx.now().toISOString()
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO hospitals (name, address, phone, email, website, description, specialties, facilities,
           status, operatingHours, emergencyContact, licenseNumber, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
      )
      .run(
        input.name,
        input.address,
        input.phone,
        input.email ?? null,
        input.website ?? null,
        input.description ?? null,
        json(input.specialties ?? []),
        json(input.facilities ?? []),
        json(input.operatingHours),
        input.emergencyContact ?? null,
        input.licenseNumber ?? null,
        now,
        now,
      )
    const hospitalId = Number(lastInsertRowid)
    createResourceRows(ctx, hospitalId, 'Hospital registered: resources start at zero')
    return getHospital(ctx.db, hospitalId)!
  })
}

/** The three resource rows of a hospital, at zero, each with its `create` audit row. Inside a transaction. */
export function createResourceRows(ctx: ActorContext, hospitalId: number, reason: string): void {
  const insert = ctx.db.prepare(
    `INSERT INTO hospital_resources (hospitalId, resourceType, total, available, occupied, reserved, maintenance,
       lastUpdated, updatedBy)
     VALUES (?, ?, 0, 0, 0, 0, 0, ?, ?)`,
  )
  for (const resourceType of RESOURCE_TYPES) {
    insert.run(hospitalId, resourceType, ctx.now().toISOString(), ctx.actor.id)
    writeResourceAudit(ctx, {
      hospitalId,
      resourceType,
      action: 'create',
      oldValues: null,
      newValues: ZERO_COUNTS,
      reason,
    })
  }
}

const UPDATABLE = [
  'name',
  'address',
  'phone',
  'email',
  'website',
  'description',
  'specialties',
  'facilities',
  'operatingHours',
  'emergencyContact',
  'licenseNumber',
] as const
const JSON_FIELDS = new Set<string>(['specialties', 'facilities', 'operatingHours'])

export function updateHospital(ctx: ActorContext, input: UpdateInput): Hospital {
  return writeTx(ctx.db, () => {
    requireHospital(ctx.db, input.id, 'id')
    if (input.name !== undefined) assertNameFree(ctx.db, input.name, input.id)
    const sets: string[] = []
    const params: unknown[] = []
    for (const key of UPDATABLE) {
      const value = input[key]
      if (value === undefined) continue
      sets.push(`${key} = ?`)
      params.push(JSON_FIELDS.has(key) ? json(value) : value)
    }
    if (sets.length) {
      ctx.db
        .prepare(`UPDATE hospitals SET ${sets.join(', ')}, updatedAt = ? WHERE id = ?`)
        .run(...params, ctx.now().toISOString(), input.id)
    }
    return getHospital(ctx.db, input.id)!
  })
}

/** Which statuses each decision may start from; anything else is a CONFLICT. */
const FROM: Record<'approve' | 'reject' | 'suspend', readonly HospitalStatus[]> = {
  approve: ['pending', 'rejected', 'suspended'],
  reject: ['pending'],
  suspend: ['approved'],
}

function decide(
  ctx: ActorContext,
  id: number,
  action: 'approve' | 'reject' | 'suspend',
  apply: (now: string) => void,
): Hospital {
  return writeTx(ctx.db, () => {
    const hospital = requireHospital(ctx.db, id, 'id')
    if (!FROM[action].includes(hospital.status)) {
      const allowed = FROM[action].join(' or ')
      throw new DeskError(
        'CONFLICT',
        `${hospital.name} is ${hospital.status}; only a ${allowed} hospital can be ${action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'suspended'}.`,
        { status: hospital.status },
      )
    }
    apply(ctx.now().toISOString())
    return getHospital(ctx.db, id)!
  })
}

export function approveHospital(ctx: ActorContext, id: number): Hospital {
  return decide(ctx, id, 'approve', (now) => {
    ctx.db
      .prepare(
        `UPDATE hospitals SET status = 'approved', approvedBy = ?, approvedAt = ?, rejectionReason = NULL,
           updatedAt = ? WHERE id = ?`,
      )
      .run(ctx.actor.id, now, now, id)
  })
}

export function rejectHospital(ctx: ActorContext, id: number, reason: string): Hospital {
  return decide(ctx, id, 'reject', (now) => {
    ctx.db
      .prepare(`UPDATE hospitals SET status = 'rejected', rejectionReason = ?, updatedAt = ? WHERE id = ?`)
      .run(reason, now, id)
  })
}

export function suspendHospital(ctx: ActorContext, id: number): Hospital {
  return decide(ctx, id, 'suspend', (now) => {
    ctx.db.prepare(`UPDATE hospitals SET status = 'suspended', updatedAt = ? WHERE id = ?`).run(now, id)
  })
}
