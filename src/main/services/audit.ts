/**
 * The resource audit trail: a filtered, paged view of `resource_audit_log` (an authority sees only
 * its own hospital), and `verify`, which replays each resource's history and reports every row that
 * disagrees with it. The log itself is append-only (triggers from migration 001).
 */
import type { AuditAction, AuditEntry, AuditProblem, AuditVerifyResult } from '../../shared/contract/audit'
import type { Paged, ResourceType } from '../../shared/schemas'
import type { DB } from '../db/open'
import type { ActorContext } from './context'
import { listScope } from './scope'
import { countsOf, type ResourceCounts, type ResourceRow } from './resourceLedger'

interface AuditRow {
  id: number
  hospitalId: number
  hospitalName: string | null
  resourceType: string
  action: AuditAction
  oldValues: string | null
  newValues: string | null
  changedBy: number | null
  changedByName: string | null
  reason: string | null
  ipAddress: string | null
  userAgent: string | null
  createdAt: string
}

function parseObject(text: string | null): Record<string, unknown> | null {
  if (text === null || text === '') return null
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/** The hospital an actor's audit view is limited to, or null for all (admin). */
function scopeFor(ctx: ActorContext, requested: number | undefined): number | null {
  return listScope(ctx.actor, requested, 'audit trail')
}

export function listAudit(
  ctx: ActorContext,
  input: {
    hospitalId?: number
    resourceType?: ResourceType
    action?: AuditAction
    changedBy?: number
    from?: string
    to?: string
    limit: number
    offset: number
  },
): Paged<AuditEntry> {
  const hospitalId = scopeFor(ctx, input.hospitalId)
  const where: string[] = []
  const params: unknown[] = []
  const add = (sql: string, value: unknown) => {
    where.push(sql)
    params.push(value)
  }
  if (hospitalId !== null) add('a.hospitalId = ?', hospitalId)
  if (input.resourceType) add('a.resourceType = ?', input.resourceType)
  if (input.action) add('a.action = ?', input.action)
  if (input.changedBy) add('a.changedBy = ?', input.changedBy)
  // Stored times are ISO 8601 in UTC (toISOString), so the bounds are normalised the same way.
  if (input.from) add('a.createdAt >= ?', new Date(input.from).toISOString())
  if (input.to) add('a.createdAt <= ?', new Date(input.to).toISOString())
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = ctx.db
    .prepare(`SELECT COUNT(*) FROM resource_audit_log a ${clause}`)
    .pluck()
    .get(...params) as number
  const rows = ctx.db
    .prepare(
      `SELECT a.*, h.name AS hospitalName, u.name AS changedByName
         FROM resource_audit_log a
         LEFT JOIN hospitals h ON h.id = a.hospitalId
         LEFT JOIN users u ON u.id = a.changedBy
        ${clause}
        ORDER BY a.createdAt DESC, a.id DESC
        LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit, input.offset) as AuditRow[]
  return {
    items: rows.map((r) => ({
      ...r,
      oldValues: parseObject(r.oldValues),
      newValues: parseObject(r.newValues),
    })),
    total,
  }
}

const KEYS = ['total', 'available', 'occupied', 'reserved', 'maintenance'] as const

/** The five counts of a parsed audit value, or null when it does not hold all five as whole numbers. */
function countsFrom(value: Record<string, unknown> | null): ResourceCounts | null {
  if (!value) return null
  for (const k of KEYS) if (!Number.isInteger(value[k])) return null
  return countsOf(value as unknown as ResourceCounts)
}

function same(a: ResourceCounts, b: ResourceCounts): boolean {
  return KEYS.every((k) => a[k] === b[k])
}

export function describeCounts(c: ResourceCounts): string {
  return KEYS.map((k) => `${k} ${c[k]}`).join(', ')
}

/**
 * Replay each resource's audit rows from its latest `create` (or its first row): each row's
 * oldValues must be the previous row's newValues, and the last newValues must be the row as it is.
 */
export function verifyAudit(ctx: ActorContext): AuditVerifyResult {
  const hospitalId = scopeFor(ctx, undefined)
  return verifyResources(ctx.db, hospitalId)
}

export function verifyResources(db: DB, hospitalId: number | null): AuditVerifyResult {
  const resources = db
    .prepare(
      `SELECT r.*, h.name AS hospitalName FROM hospital_resources r JOIN hospitals h ON h.id = r.hospitalId
        ${hospitalId === null ? '' : 'WHERE r.hospitalId = ?'} ORDER BY h.name COLLATE NOCASE, r.hospitalId, r.resourceType`,
    )
    .all(...(hospitalId === null ? [] : [hospitalId])) as (ResourceRow & { hospitalName: string })[]
  const history = db.prepare(
    `SELECT id, action, oldValues, newValues FROM resource_audit_log
      WHERE hospitalId = ? AND resourceType = ? ORDER BY id`,
  )
  const problems: AuditProblem[] = []
  let replayed = 0
  for (const r of resources) {
    const report = (
      auditId: number | null,
      message: string,
      found: Pick<AuditProblem, 'kind' | 'holds' | 'from' | 'left' | 'previousId'>,
    ) =>
      problems.push({
        hospitalId: r.hospitalId,
        hospitalName: r.hospitalName,
        resourceType: r.resourceType,
        auditId,
        message,
        ...found,
      })
    const rows = history.all(r.hospitalId, r.resourceType) as Pick<
      AuditRow,
      'id' | 'action' | 'oldValues' | 'newValues'
    >[]
    let start = 0
    rows.forEach((row, i) => {
      if (row.action === 'create') start = i
    })
    const chain = rows.slice(start)
    if (chain.length === 0) {
      report(null, `No audit history: the counts (${describeCounts(r)}) were never recorded.`, {
        kind: 'noHistory',
        holds: countsOf(r),
      })
      continue
    }
    let previous: { id: number; counts: ResourceCounts } | null = null
    let broken = false
    for (const row of chain) {
      replayed++
      const next = countsFrom(parseObject(row.newValues))
      if (!next) {
        report(row.id, `Audit row ${row.id} does not record the five counts it left.`, { kind: 'unrecorded' })
        broken = true
        break
      }
      if (previous) {
        const old = countsFrom(parseObject(row.oldValues))
        if (!old || !same(old, previous.counts)) {
          report(
            row.id,
            `Audit row ${row.id} starts from ${old ? describeCounts(old) : 'unrecorded counts'}, but row ${previous.id} left ${describeCounts(previous.counts)}.`,
            { kind: 'brokenChain', from: old, left: previous.counts, previousId: previous.id },
          )
        }
      }
      previous = { id: row.id, counts: next }
    }
    if (!broken && previous && !same(previous.counts, countsOf(r))) {
      report(
        previous.id,
        `The row holds ${describeCounts(r)}, but its audit history ends at ${describeCounts(previous.counts)} (row ${previous.id}).`,
        { kind: 'rowDiffers', holds: countsOf(r), left: previous.counts },
      )
    }
  }
  return { checked: resources.length, replayed, problems }
}
