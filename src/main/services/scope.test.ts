/** Item 8: one rule for which hospitals an actor may see and act for, used by every service. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff } from '../../../test/bookingFixtures'
import { expectFailure, makeDesk, type TestDesk } from '../../../test/helpers'

let desk: TestDesk
let admin: string
let approved: number
let pending: number

beforeEach(async () => {
  desk = makeDesk()
  admin = await desk.adminToken()
  approved = addHospital(desk, { name: 'Sylhet General' })
  pending = addHospital(desk, { name: 'Rangpur New Clinic', status: 'pending' })
  for (const hospitalId of [approved, pending])
    await desk.call(
      'pricing.set',
      { hospitalId, resourceType: 'beds', basePrice: 50000, pricePerDay: 150000 },
      admin,
    )
})
afterEach(() => desk.close())

const quote = (hospitalId: number) => ({
  hospitalId,
  resourceType: 'beds' as const,
  scheduledDate: new Date(Date.now() + 3_600_000).toISOString(),
})

describe('prices follow the hospital’s visibility (item 8)', () => {
  it('hides a pending hospital’s prices and quotes as hospitals.get hides the hospital', async () => {
    const frontDesk = await addStaff(desk, 'user')
    const otherAuthority = await addStaff(desk, 'hospital-authority', approved)
    for (const token of [frontDesk.token, otherAuthority.token]) {
      await expectFailure(desk.raw('hospitals.get', { id: pending }, token), 'NOT_FOUND')
      await expectFailure(desk.raw('pricing.list', { hospitalId: pending }, token), 'NOT_FOUND', 'hospitalId')
      await expectFailure(desk.raw('pricing.quote', quote(pending), token), 'NOT_FOUND', 'hospitalId')
      expect((await desk.call('pricing.list', { hospitalId: approved }, token)).total).toBe(1)
      expect((await desk.call('pricing.quote', quote(approved), token)).total).toBeGreaterThan(0)
    }
    // The pending hospital's own authority and an admin see it.
    const ownAuthority = await addStaff(desk, 'hospital-authority', pending)
    for (const token of [ownAuthority.token, admin]) {
      expect((await desk.call('pricing.list', { hospitalId: pending }, token)).total).toBe(1)
      expect((await desk.call('pricing.quote', quote(pending), token)).total).toBeGreaterThan(0)
    }
  })

  it('is worked out in one module: no service reads an actor’s hospital on its own', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname)
    const offenders = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'scope.ts')
      .filter((f) => /actor\??\.hospitalId/.test(fs.readFileSync(path.join(dir, f), 'utf8')))
    expect(offenders).toEqual([])
  })
})
