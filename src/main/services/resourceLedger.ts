/**
 * The one place resource counts change: writes the new counts and the `resource_audit_log` row
 * together. Call it inside the caller's transaction (writeTx), so the counts, the audit row and
 * whatever caused them (a booking transition, an admin's edit) commit or vanish as one.
 * The database's CHECK refuses any change that breaks available + occupied + reserved + maintenance = total.
 */
import type { ResourceType } from '../../shared/schemas'
import type { DB } from '../db/open'
import type { ActorContext } from './context'

export interface ResourceCounts {
  total: number
  available: number
  occupied: number
  reserved: number
  maintenance: number
}

export interface ResourceRow extends ResourceCounts {
  id: number
  hospitalId: number
  resourceType: ResourceType
  lastUpdated: string
  updatedBy: number | null
}

export type ResourceAction = 'create' | 'update' | 'delete' | 'allocate' | 'release'

export function getResource(db: DB, hospitalId: number, resourceType: ResourceType): ResourceRow | undefined {
  return db
    .prepare('SELECT * FROM hospital_resources WHERE hospitalId = ? AND resourceType = ?')
    .get(hospitalId, resourceType) as ResourceRow | undefined
}

export function countsOf(row: ResourceCounts): ResourceCounts {
  return {
    total: row.total,
    available: row.available,
    occupied: row.occupied,
    reserved: row.reserved,
    maintenance: row.maintenance,
  }
}

/** Write `next` counts for an existing resource row and its audit row. Must run inside a transaction. */
export function applyResourceChange(
  ctx: ActorContext,
  change: {
    hospitalId: number
    resourceType: ResourceType
    action: ResourceAction
    next: ResourceCounts
    reason: string
  },
): ResourceRow {
  const { db } = ctx
  if (!db.inTransaction) throw new Error('applyResourceChange must run inside a transaction')
  const before = getResource(db, change.hospitalId, change.resourceType)
  if (!before) throw new Error(`No ${change.resourceType} row for hospital ${change.hospitalId}`)
  const now = ctx.now().toISOString()
  const n = change.next
  db.prepare(
    `UPDATE hospital_resources
        SET total = ?, available = ?, occupied = ?, reserved = ?, maintenance = ?, lastUpdated = ?, updatedBy = ?
      WHERE id = ?`,
  ).run(n.total, n.available, n.occupied, n.reserved, n.maintenance, now, ctx.actor.id, before.id)
  writeResourceAudit(ctx, {
    hospitalId: change.hospitalId,
    resourceType: change.resourceType,
    action: change.action,
    oldValues: countsOf(before),
    // Only the five counts: callers may pass a whole row, whose id and timestamps are not audit data.
    newValues: countsOf(n),
    reason: change.reason,
  })
  return getResource(db, change.hospitalId, change.resourceType)!
}

export function writeResourceAudit(
  ctx: ActorContext,
  row: {
    hospitalId: number
    resourceType: string
    action: ResourceAction
    oldValues: ResourceCounts | null
    newValues: ResourceCounts | null
    reason: string
  },
): void {
  ctx.db
    .prepare(
      `INSERT INTO resource_audit_log
         (hospitalId, resourceType, action, oldValues, newValues, changedBy, reason, ipAddress, userAgent, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.hospitalId,
      row.resourceType,
      row.action,
      row.oldValues ? JSON.stringify(row.oldValues) : null,
      row.newValues ? JSON.stringify(row.newValues) : null,
      ctx.actor.id,
      row.reason,
      ctx.client.workstation,
      ctx.client.userAgent,
      ctx.now().toISOString(),
    )
}
