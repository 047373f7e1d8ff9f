import { afterEach, describe, expect, it } from 'vitest'
import { makeDesk, type TestDesk } from '../../../test/helpers'
import { writeTx } from '../db/open'
import type { ActorContext } from './context'
import { applyResourceChange, getResource } from './resourceLedger'

let desk: TestDesk
afterEach(() => desk?.close())

describe('the resource ledger', () => {
  it('writes the counts and an audit row holding only the five counts, in the caller’s transaction', async () => {
    desk = makeDesk()
    await desk.adminToken()
    const db = desk.db
    db.prepare(
      `INSERT INTO hospitals (name, address, phone, status) VALUES ('H', 'A', '0123456789', 'approved')`,
    ).run()
    db.prepare(
      `INSERT INTO hospital_resources (hospitalId, resourceType, total, available) VALUES (1, 'beds', 4, 4)`,
    ).run()
    const ctx: ActorContext = {
      db,
      now: () => new Date('2026-11-25T10:00:00Z'),
      client: { workstation: 'desk-07', userAgent: 'RapidCare Desk/test' },
      app: desk.app,
      actor: { id: 1, name: 'A', email: 'a@x.org', role: 'admin', hospitalId: null },
    }
    const row = getResource(db, 1, 'beds')!
    expect(() =>
      applyResourceChange(ctx, {
        hospitalId: 1,
        resourceType: 'beds',
        action: 'allocate',
        next: row,
        reason: 'x',
      }),
    ).toThrow(/inside a transaction/)
    writeTx(db, () =>
      applyResourceChange(ctx, {
        hospitalId: 1,
        resourceType: 'beds',
        action: 'allocate',
        next: { ...row, available: 3, reserved: 1 },
        reason: 'Booking approved',
      }),
    )
    const audit = db.prepare('SELECT * FROM resource_audit_log').all() as Record<string, string>[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.oldValues!)).toEqual({
      total: 4,
      available: 4,
      occupied: 0,
      reserved: 0,
      maintenance: 0,
    })
    expect(JSON.parse(audit[0]!.newValues!)).toEqual({
      total: 4,
      available: 3,
      occupied: 0,
      reserved: 1,
      maintenance: 0,
    })
    expect(audit[0]).toMatchObject({ ipAddress: 'desk-07', userAgent: 'RapidCare Desk/test', changedBy: 1 })
    expect(getResource(db, 1, 'beds')).toMatchObject({ available: 3, reserved: 1, updatedBy: 1 })
  })
})
