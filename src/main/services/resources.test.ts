import os from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { writeTx } from '../db/open'
import { findUserByEmail } from './auth'
import { applyResourceChange, getResource } from './resourceLedger'

let desk: TestDesk
afterEach(() => desk?.close())

const HOSPITAL = { name: 'Sylhet Medical', address: 'Kajal Shah, Sylhet', phone: '+880 821 713 667' }
const PASSWORD = 'authority-pass-1'

async function setup() {
  desk = makeDesk()
  const admin = await desk.adminToken()
  const own = await desk.call('hospitals.create', HOSPITAL, admin)
  const other = await desk.call('hospitals.create', { ...HOSPITAL, name: 'Rajshahi Care' }, admin)
  await desk.call('hospitals.approve', { id: own.id }, admin)
  await desk.call('hospitals.approve', { id: other.id }, admin)
  await desk.call(
    'users.create',
    {
      name: 'Nusrat Jahan',
      email: 'nusrat@sylhet.example',
      password: PASSWORD,
      role: 'hospital-authority',
      hospitalId: own.id,
    },
    admin,
  )
  await desk.call(
    'users.create',
    { name: 'Rafiq Desk', email: 'rafiq@desk.example', password: PASSWORD, role: 'user' },
    admin,
  )
  const authority = await desk.login('nusrat@sylhet.example', PASSWORD)
  const frontDesk = await desk.login('rafiq@desk.example', PASSWORD)
  return { admin, authority, frontDesk, own, other }
}

/** Occupy and reserve units the way bookings do: through the ledger, in a transaction. */
function holdUnits(hospitalId: number, occupied: number, reserved: number) {
  const admin = findUserByEmail(desk.db, 'admin@rapidcare.test')!
  const ctx = {
    db: desk.db,
    now: () => new Date(),
    client: { workstation: 'test-desk', userAgent: 'RapidCare Desk/test' },
    app: desk.app,
    actor: { id: admin.id, name: admin.name, email: admin.email, role: admin.role, hospitalId: null },
  }
  writeTx(desk.db, () => {
    const r = getResource(desk.db, hospitalId, 'icu')!
    applyResourceChange(ctx, {
      hospitalId,
      resourceType: 'icu',
      action: 'allocate',
      next: {
        ...r,
        available: r.available - occupied - reserved,
        occupied: r.occupied + occupied,
        reserved: r.reserved + reserved,
      },
      reason: 'Test bookings',
    })
  })
}

describe('resources', () => {
  it('the authority sets its ICU beds; available is derived and the audit row says who, where and why', async () => {
    const { authority, own } = await setup()
    const icu = await desk.call(
      'resources.update',
      { hospitalId: own.id, resourceType: 'icu', total: 12, maintenance: 2, reason: 'New ICU wing opened' },
      authority,
    )
    expect(icu).toMatchObject({
      total: 12,
      maintenance: 2,
      available: 10,
      occupied: 0,
      reserved: 0,
      hospitalName: HOSPITAL.name,
    })
    const audit = await desk.call('audit.list', { resourceType: 'icu', action: 'update' }, authority)
    expect(audit.total).toBe(1)
    const row = audit.items[0]!
    expect(row).toMatchObject({
      hospitalId: own.id,
      changedByName: 'Nusrat Jahan',
      reason: 'New ICU wing opened',
      oldValues: { total: 0, available: 0, occupied: 0, reserved: 0, maintenance: 0 },
      newValues: { total: 12, available: 10, occupied: 0, reserved: 0, maintenance: 2 },
    })
    expect(row.ipAddress).toBe(os.hostname()) // the workstation's name
    expect(row.userAgent).toMatch(/^RapidCare Desk\/\d+\.\d+\.\d+/)
  })

  it('refuses to shrink below occupied + reserved, naming the numbers, and changes nothing', async () => {
    const { admin, own } = await setup()
    await desk.call(
      'resources.update',
      { hospitalId: own.id, resourceType: 'icu', total: 10, maintenance: 0, reason: 'Initial count' },
      admin,
    )
    holdUnits(own.id, 3, 2)
    const before = tableCounts(desk)
    const err = await expectFailure(
      desk.raw(
        'resources.update',
        { hospitalId: own.id, resourceType: 'icu', total: 4, maintenance: 0, reason: 'Ward closed' },
        admin,
      ),
      'CONFLICT',
    )
    expect(err.message).toMatch(/3 are occupied and 2 reserved/)
    expect(err.message).toMatch(/at least 5/)
    expect(err.details).toMatchObject({ occupied: 3, reserved: 2, minimumTotal: 5 })
    await expectFailure(
      desk.raw(
        'resources.update',
        { hospitalId: own.id, resourceType: 'icu', total: 10, maintenance: 6, reason: 'Repairs' },
        admin,
      ),
      'CONFLICT',
    )
    expect(tableCounts(desk)).toEqual(before)
    expect(getResource(desk.db, own.id, 'icu')).toMatchObject({
      total: 10,
      available: 5,
      occupied: 3,
      reserved: 2,
    })
    // Exactly enough is fine: nothing left available.
    const tight = await desk.call(
      'resources.update',
      { hospitalId: own.id, resourceType: 'icu', total: 6, maintenance: 1, reason: 'Ward closed' },
      admin,
    )
    expect(tight).toMatchObject({ total: 6, available: 0, occupied: 3, reserved: 2, maintenance: 1 })
  })

  it('validates every field, naming it', async () => {
    const { admin, own } = await setup()
    const good = { hospitalId: own.id, resourceType: 'beds', total: 5, maintenance: 0, reason: 'Count' }
    const before = tableCounts(desk)
    const bad: [Record<string, unknown>, string][] = [
      [{ total: -1 }, 'total'],
      [{ total: 2.5 }, 'total'],
      [{ total: '5' }, 'total'],
      [{ maintenance: -2 }, 'maintenance'],
      [{ resourceType: 'ventilators' }, 'resourceType'],
      [{ reason: '' }, 'reason'],
      [{ reason: undefined }, 'reason'],
      [{ available: 5 }, 'available'],
      [{ occupied: 1 }, 'occupied'],
      [{ hospitalId: 'one' }, 'hospitalId'],
    ]
    for (const [patch, field] of bad) {
      await expectFailure(desk.raw('resources.update', { ...good, ...patch }, admin), 'VALIDATION', field)
    }
    await expectFailure(
      desk.raw('resources.update', { ...good, hospitalId: 999 }, admin),
      'NOT_FOUND',
      'hospitalId',
    )
    expect(tableCounts(desk)).toEqual(before)
  })

  it('an authority cannot touch another hospital’s resources; front desk cannot touch any', async () => {
    const { authority, frontDesk, own, other } = await setup()
    const before = tableCounts(desk)
    const change = { resourceType: 'beds', total: 50, maintenance: 0, reason: 'Not mine' }
    await expectFailure(
      desk.raw('resources.update', { ...change, hospitalId: other.id }, authority),
      'FORBIDDEN',
    )
    await expectFailure(desk.raw('resources.update', { ...change, hospitalId: 999 }, authority), 'FORBIDDEN')
    await expectFailure(
      desk.raw('resources.update', { ...change, hospitalId: own.id }, frontDesk),
      'FORBIDDEN',
    )
    await expectFailure(
      desk.raw('resources.update', { ...change, hospitalId: own.id }, null),
      'UNAUTHENTICATED',
    )
    expect(tableCounts(desk)).toEqual(before)
  })

  it('lists one hospital, or every visible hospital for the availability board', async () => {
    const { admin, frontDesk, own, other } = await setup()
    const pending = await desk.call('hospitals.create', { ...HOSPITAL, name: 'Barishal New' }, admin)
    const board = await desk.call('resources.list', {}, admin)
    expect(board).toHaveLength(9)
    expect(board.map((r) => r.hospitalName)).toEqual([
      'Barishal New',
      'Barishal New',
      'Barishal New',
      'Rajshahi Care',
      'Rajshahi Care',
      'Rajshahi Care',
      'Sylhet Medical',
      'Sylhet Medical',
      'Sylhet Medical',
    ])
    // Front desk sees approved hospitals only.
    const deskBoard = await desk.call('resources.list', {}, frontDesk)
    expect(new Set(deskBoard.map((r) => r.hospitalId))).toEqual(new Set([own.id, other.id]))
    await expectFailure(desk.raw('resources.list', { hospitalId: pending.id }, frontDesk), 'NOT_FOUND')
    expect(
      (await desk.call('resources.list', { hospitalId: own.id }, frontDesk)).map((r) => r.resourceType),
    ).toEqual(['beds', 'icu', 'operationTheatres'])
  })

  it('an unchanged count writes no audit row', async () => {
    const { admin, own } = await setup()
    const change = {
      hospitalId: own.id,
      resourceType: 'beds' as const,
      total: 40,
      maintenance: 4,
      reason: 'Count',
    }
    await desk.call('resources.update', change, admin)
    const before = tableCounts(desk)
    const again = await desk.call('resources.update', change, admin)
    expect(again).toMatchObject({ total: 40, available: 36 })
    expect(tableCounts(desk)).toEqual(before)
  })
})
