import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff, STAFF_PASSWORD } from '../../../test/bookingFixtures'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'

let desk: TestDesk
beforeEach(() => {
  desk = makeDesk({ now: () => new Date('2026-11-29T05:00:00Z') })
})
afterEach(() => desk.close())

describe('each user’s language', () => {
  it('is unset until chosen, then remembered for that user only', async () => {
    const hospitalId = addHospital(desk)
    const rina = await addStaff(desk, 'user', hospitalId)
    const kamal = await addStaff(desk, 'hospital-authority', hospitalId)
    expect(await desk.call('preferences.get', {}, rina.token)).toEqual({
      language: null,
      banglaDigits: true,
      updatedAt: null,
    })
    await desk.call('preferences.set', { language: 'bn', banglaDigits: false }, rina.token)
    // A new sign-in (another workstation) finds it.
    const again = await desk.login(rina.email, STAFF_PASSWORD)
    expect(await desk.call('preferences.get', {}, again)).toMatchObject({
      language: 'bn',
      banglaDigits: false,
    })
    expect(await desk.call('preferences.get', {}, kamal.token)).toMatchObject({ language: null })
    await desk.call('preferences.set', { language: 'en', banglaDigits: true }, rina.token)
    expect(await desk.call('preferences.get', {}, rina.token)).toMatchObject({
      language: 'en',
      banglaDigits: true,
      updatedAt: '2026-11-29T05:00:00.000Z',
    })
  })

  it('refuses a language the desk does not speak, naming the field, and changes nothing', async () => {
    const admin = await desk.adminToken()
    const before = tableCounts(desk)
    const err = await expectFailure(
      desk.raw('preferences.set', { language: 'fr', banglaDigits: true }, admin),
      'VALIDATION',
      'language',
    )
    expect(err.message).toBe('language: must be en or bn')
    await expectFailure(
      desk.raw('preferences.set', { language: 'bn', banglaDigits: true, userId: 1 }, admin),
      'VALIDATION',
    )
    expect(tableCounts(desk)).toEqual(before)
  })

  it('needs a signed-in user', async () => {
    await expectFailure(
      desk.raw('preferences.set', { language: 'bn', banglaDigits: true }, null),
      'UNAUTHENTICATED',
    )
  })
})
