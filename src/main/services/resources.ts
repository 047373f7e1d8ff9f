/**
 * Resources: each hospital's beds, ICU beds and operation theatres. The admin, or the authority of
 * that hospital, sets `total` and `maintenance`; `available` is derived (what is neither occupied,
 * reserved nor in maintenance). Occupied and reserved belong to bookings and are never set here.
 * Counts change only through the resource ledger, which writes the audit row in the same transaction.
 */
import type { ResourceView } from '../../shared/contract/resources'
import { DeskError } from '../../shared/errors'
import type { ResourceType } from '../../shared/schemas'
import { writeTx } from '../db/open'
import type { ActorContext } from './context'
import { requireHospital, ZERO_COUNTS } from './hospitals'
import { assertActsFor, requireVisibleHospital, visibleHospitalsSql } from './scope'
import { applyResourceChange, getResource, writeResourceAudit } from './resourceLedger'

export const RESOURCE_LABELS: Record<ResourceType, string> = {
  beds: 'Beds',
  icu: 'ICU beds',
  operationTheatres: 'Operation theatres',
}

const TYPE_ORDER = `CASE r.resourceType WHEN 'beds' THEN 0 WHEN 'icu' THEN 1 ELSE 2 END`
const SELECT_VIEW = `SELECT r.*, h.name AS hospitalName, h.status AS hospitalStatus
  FROM hospital_resources r JOIN hospitals h ON h.id = r.hospitalId`

export function listResources(ctx: ActorContext, input: { hospitalId?: number }): ResourceView[] {
  if (input.hospitalId !== undefined) {
    requireVisibleHospital(ctx.db, ctx.actor, input.hospitalId)
    return ctx.db
      .prepare(`${SELECT_VIEW} WHERE r.hospitalId = ? ORDER BY ${TYPE_ORDER}`)
      .all(input.hospitalId) as ResourceView[]
  }
  const visible = visibleHospitalsSql(ctx.actor, 'h')
  return ctx.db
    .prepare(`${SELECT_VIEW} WHERE ${visible.sql} ORDER BY h.name COLLATE NOCASE, h.id, ${TYPE_ORDER}`)
    .all(...visible.params) as ResourceView[]
}

function viewOf(ctx: ActorContext, hospitalId: number, resourceType: ResourceType): ResourceView {
  return ctx.db
    .prepare(`${SELECT_VIEW} WHERE r.hospitalId = ? AND r.resourceType = ?`)
    .get(hospitalId, resourceType) as ResourceView
}

export function updateResource(
  ctx: ActorContext,
  input: {
    hospitalId: number
    resourceType: ResourceType
    total: number
    maintenance: number
    reason: string
  },
): ResourceView {
  const { actor } = ctx
  assertActsFor(actor, input.hospitalId, "change that hospital's resources")
  return writeTx(ctx.db, () => {
    requireHospital(ctx.db, input.hospitalId)
    let before = getResource(ctx.db, input.hospitalId, input.resourceType)
    if (!before) {
      // A hospital written by something other than hospitals.create (an old import) may lack a row.
      ctx.db
        .prepare(
          `INSERT INTO hospital_resources (hospitalId, resourceType, total, available, occupied, reserved,
             maintenance, lastUpdated, updatedBy) VALUES (?, ?, 0, 0, 0, 0, 0, ?, ?)`,
        )
        .run(input.hospitalId, input.resourceType, ctx.now().toISOString(), actor.id)
      writeResourceAudit(ctx, {
        hospitalId: input.hospitalId,
        resourceType: input.resourceType,
        action: 'create',
        oldValues: null,
        newValues: ZERO_COUNTS,
        reason: 'Missing resource row created at zero',
      })
      before = getResource(ctx.db, input.hospitalId, input.resourceType)!
    }
    const inUse = before.occupied + before.reserved
    const available = input.total - inUse - input.maintenance
    if (available < 0) {
      const label = RESOURCE_LABELS[input.resourceType]
      const minimum = inUse + input.maintenance
      const message =
        `${label}: a total of ${input.total} with ${input.maintenance} in maintenance would leave ${available} available, ` +
        `because ${before.occupied} are occupied and ${before.reserved} reserved. The total must be at least ${minimum}` +
        (input.maintenance > 0 ? `, or put fewer in maintenance.` : '.')
      throw new DeskError('CONFLICT', message, {
        field: 'total',
        fields: {
          total: `must be at least ${minimum} (${before.occupied} occupied, ${before.reserved} reserved, ${input.maintenance} in maintenance)`,
        },
        total: input.total,
        occupied: before.occupied,
        reserved: before.reserved,
        maintenance: input.maintenance,
        minimumTotal: minimum,
      })
    }
    const unchanged = before.total === input.total && before.maintenance === input.maintenance
    if (!unchanged) {
      applyResourceChange(ctx, {
        hospitalId: input.hospitalId,
        resourceType: input.resourceType,
        action: 'update',
        next: {
          total: input.total,
          available,
          occupied: before.occupied,
          reserved: before.reserved,
          maintenance: input.maintenance,
        },
        reason: input.reason,
      })
    }
    return viewOf(ctx, input.hospitalId, input.resourceType)
  })
}
