/**
 * Hospital scope, in one place (DESIGN.md, "Hospital scope"): which hospitals an actor may see,
 * and which it may act for. Every service asks here; none works it out on its own.
 *
 * - See: an admin sees every hospital; everyone else the approved ones, and an authority also its
 *   own whatever its status. A hospital one may not see does not exist for them (NOT_FOUND), so a
 *   pending hospital's prices and counts say no more than `hospitals.get` does.
 * - Act for (and read a hospital's bookings, payments, audit trail): an admin every hospital; an
 *   authority only its own; a front desk tied to a hospital only that one, an untied front desk
 *   every hospital.
 */
import { DeskError } from '../../shared/errors'
import type { DB } from '../db/open'
import type { Actor } from './context'

/** The hospital an actor works for: an id, null for every hospital, 'none' for an untied authority. */
export function workScope(actor: Actor): number | null | 'none' {
  if (actor.role === 'admin') return null
  if (actor.role === 'hospital-authority') return actor.hospitalId ?? 'none'
  return actor.hospitalId
}

export function mayActFor(actor: Actor, hospitalId: number): boolean {
  const scope = workScope(actor)
  return scope === null || scope === hospitalId
}

/** Refuses (FORBIDDEN) unless the actor may act for this hospital; `doing` completes "may not …". */
export function assertActsFor(actor: Actor, hospitalId: number, doing = 'act for this hospital'): void {
  const scope = workScope(actor)
  if (scope === null || scope === hospitalId) return
  throw new DeskError(
    'FORBIDDEN',
    scope === 'none'
      ? `Your account is not tied to a hospital, so you may not ${doing}.`
      : `You work for another hospital and may not ${doing}.`,
  )
}

/**
 * The hospital a list is limited to: the one asked for if the actor may read it, else its own, or
 * null for every hospital. Asking for another hospital's rows is refused naming `hospitalId`.
 */
export function listScope(actor: Actor, requested: number | undefined, what: string): number | null {
  const scope = workScope(actor)
  if (scope === 'none') throw new DeskError('FORBIDDEN', 'Your account is not tied to a hospital.')
  if (requested !== undefined && scope !== null && requested !== scope)
    throw new DeskError('FORBIDDEN', `You work for another hospital and may not see its ${what}.`, {
      field: 'hospitalId',
      fields: { hospitalId: 'is not your hospital' },
    })
  return requested ?? scope
}

/** May this actor see this hospital at all? */
export function canSeeHospital(actor: Actor, hospital: { id: number; status: string }): boolean {
  if (actor.role === 'admin') return true
  if (actor.role === 'hospital-authority' && actor.hospitalId === hospital.id) return true
  return hospital.status === 'approved'
}

/** The same rule as SQL over a hospitals row (`alias.status`, `alias.id`), for lists. */
export function visibleHospitalsSql(actor: Actor, alias = ''): { sql: string; params: unknown[] } {
  if (actor.role === 'admin') return { sql: '1', params: [] }
  const a = alias ? `${alias}.` : ''
  return {
    sql: `(${a}status = 'approved' OR ${a}id = ?)`,
    params: [actor.role === 'hospital-authority' ? (actor.hospitalId ?? -1) : -1],
  }
}

/** A hospital this actor may see, or NOT_FOUND naming `field` (a hidden one is not told apart). */
export function requireVisibleHospital(
  db: DB,
  actor: Actor,
  hospitalId: number,
  field = 'hospitalId',
): { id: number; name: string; status: string } {
  const row = db.prepare('SELECT id, name, status FROM hospitals WHERE id = ?').get(hospitalId) as
    { id: number; name: string; status: string } | undefined
  if (!row || !canSeeHospital(actor, row))
    throw new DeskError('NOT_FOUND', `There is no hospital with id ${hospitalId}.`, {
      field,
      fields: { [field]: 'is not a known hospital' },
    })
  return row
}
