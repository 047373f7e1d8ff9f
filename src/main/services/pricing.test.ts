import { afterEach, describe, expect, it } from 'vitest'
import { expectFailure, makeDesk, tableCounts, type TestDesk } from '../../../test/helpers'
import { addBooking, addHospital, addStaff } from '../../../test/moneyFixtures'
import { durationCharge } from './pricing'

let desk: TestDesk
afterEach(() => desk?.close())

let clock = new Date('2025-03-01T06:00:00.000Z')
const now = () => clock

async function setup() {
  clock = new Date('2025-03-01T06:00:00.000Z')
  desk = makeDesk({ now })
  const admin = await desk.adminToken()
  const hospitalId = addHospital(desk)
  const other = addHospital(desk, 'Square Hospital')
  const authority = await addStaff(desk, 'hospital-authority', hospitalId)
  const desk1 = await addStaff(desk, 'user', hospitalId)
  return { admin, hospitalId, other, authority, desk1 }
}

describe('pricing.set and pricing.list', () => {
  it('keeps the history: a new price ends the previous one instead of overwriting it', async () => {
    const { hospitalId, authority } = await setup()
    clock = new Date('2024-12-20T06:00:00.000Z') // each price is set before it starts
    const first = await desk.call(
      'pricing.set',
      {
        hospitalId,
        resourceType: 'icu',
        basePrice: 500_000,
        pricePerDay: 1_200_000,
        emergencyMultiplier: 1.5,
        effectiveFrom: '2025-01-01T00:00:00.000Z',
      },
      authority.token,
    )
    expect(first).toMatchObject({ basePrice: 500_000, pricePerDay: 1_200_000, emergencyMultiplier: 1.5 })
    expect(desk.db.prepare('SELECT emergencyMultiplier FROM hospital_pricing').pluck().get()).toBe(150)

    clock = new Date('2025-02-01T06:00:00.000Z')
    const second = await desk.call(
      'pricing.set',
      {
        hospitalId,
        resourceType: 'icu',
        basePrice: 600_000,
        pricePerDay: 1_500_000,
        pricePerHour: 80_000,
        emergencyMultiplier: 2,
        effectiveFrom: '2025-02-15T00:00:00+06:00',
      },
      authority.token,
    )
    const scheduled = await desk.call(
      'pricing.set',
      {
        hospitalId,
        resourceType: 'icu',
        basePrice: 700_000,
        pricePerDay: 1_800_000,
        effectiveFrom: '2025-06-01T00:00:00Z',
      },
      authority.token,
    )

    clock = new Date('2025-03-01T06:00:00.000Z')
    const list = await desk.call('pricing.list', { hospitalId }, authority.token)
    expect(list.total).toBe(3)
    expect(list.items.map((p) => [p.basePrice, p.state])).toEqual([
      [700_000, 'scheduled'],
      [600_000, 'current'],
      [500_000, 'past'],
    ])
    const past = list.items.find((p) => p.id === first.id)!
    // Ended exactly where the next one starts (stored as UTC).
    expect(past.effectiveTo).toBe('2025-02-14T18:00:00.000Z')
    expect(list.items.find((p) => p.id === second.id)!.effectiveTo).toBe(scheduled.effectiveFrom)
    expect(list.current.icu?.id).toBe(second.id)
    expect(list.current.beds).toBeUndefined()
  })

  it('refuses a new price that would start in the past: finished stays keep what they cost', async () => {
    const { hospitalId, authority } = await setup()
    const price = { hospitalId, resourceType: 'beds' as const, basePrice: 100_000, pricePerDay: 250_000 }
    // The first price may be backdated (a hospital's price list when it joins the desk).
    await desk.call('pricing.set', { ...price, effectiveFrom: '2025-01-01T00:00:00Z' }, authority.token)
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw(
        'pricing.set',
        { ...price, basePrice: 900_000, effectiveFrom: '2025-02-01T00:00:00Z' },
        authority.token,
      ),
      'CONFLICT',
      'effectiveFrom',
    )
    expect(tableCounts(desk)).toEqual(before)
    const next = await desk.call('pricing.set', { ...price, basePrice: 120_000 }, authority.token)
    expect(next.effectiveFrom).toBe(clock.toISOString())
  })

  it('refuses bad prices, naming the field, and writes nothing', async () => {
    const { hospitalId, authority } = await setup()
    const good = { hospitalId, resourceType: 'beds' as const, basePrice: 100_000, pricePerDay: 250_000 }
    const before = tableCounts(desk)
    const cases: [Record<string, unknown>, string][] = [
      [{ emergencyMultiplier: 5.01 }, 'emergencyMultiplier'],
      [{ emergencyMultiplier: 0.99 }, 'emergencyMultiplier'],
      [{ emergencyMultiplier: 1.234 }, 'emergencyMultiplier'],
      [{ basePrice: -1 }, 'basePrice'],
      [{ basePrice: 100.5 }, 'basePrice'],
      [{ pricePerDay: 0 }, 'pricePerDay'],
      [{ pricePerDay: undefined }, 'pricePerHour'],
      [{ resourceType: 'ward' }, 'resourceType'],
      [{ effectiveFrom: 'tomorrow' }, 'effectiveFrom'],
    ]
    for (const [change, field] of cases)
      await expectFailure(
        desk.raw('pricing.set', { ...good, ...change }, authority.token),
        'VALIDATION',
        field,
      )
    expect(tableCounts(desk)).toEqual(before)
  })

  it('accepts the multiplier at both ends of 1.00–5.00', async () => {
    const { hospitalId, authority } = await setup()
    const base = { hospitalId, basePrice: 0, pricePerHour: 10_000 }
    const a = await desk.call(
      'pricing.set',
      { ...base, resourceType: 'beds', emergencyMultiplier: 1 },
      authority.token,
    )
    const b = await desk.call(
      'pricing.set',
      { ...base, resourceType: 'icu', emergencyMultiplier: 5 },
      authority.token,
    )
    expect([a.emergencyMultiplier, b.emergencyMultiplier]).toEqual([1, 5])
    expect(
      desk.db.prepare('SELECT emergencyMultiplier FROM hospital_pricing ORDER BY id').pluck().all(),
    ).toEqual([100, 500])
  })

  it('lets an authority price its own hospital only, and the front desk not at all', async () => {
    const { hospitalId, other, authority, desk1, admin } = await setup()
    const price = { resourceType: 'beds' as const, basePrice: 100_000, pricePerDay: 250_000 }
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('pricing.set', { ...price, hospitalId: other }, authority.token),
      'FORBIDDEN',
    )
    await expectFailure(desk.raw('pricing.set', { ...price, hospitalId }, desk1.token), 'FORBIDDEN')
    await expectFailure(desk.raw('pricing.set', { ...price, hospitalId: 999 }, admin), 'NOT_FOUND')
    expect(tableCounts(desk)).toEqual(before)
    await desk.call('pricing.set', { ...price, hospitalId: other }, admin)
  })

  it('refuses a price that would start before the latest one: history is not rewritten', async () => {
    const { hospitalId, authority } = await setup()
    const price = { hospitalId, resourceType: 'beds' as const, basePrice: 100_000, pricePerDay: 250_000 }
    await desk.call('pricing.set', { ...price, effectiveFrom: '2025-02-01T00:00:00Z' }, authority.token)
    const before = tableCounts(desk)
    await expectFailure(
      desk.raw('pricing.set', { ...price, effectiveFrom: '2025-01-01T00:00:00Z' }, authority.token),
      'CONFLICT',
      'effectiveFrom',
    )
    await expectFailure(
      desk.raw('pricing.set', { ...price, effectiveFrom: '2025-02-01T06:00:00+06:00' }, authority.token),
      'CONFLICT',
      'effectiveFrom',
    )
    expect(tableCounts(desk)).toEqual(before)
    expect(desk.db.prepare('SELECT effectiveTo FROM hospital_pricing').pluck().get()).toBeNull()
  })
})

describe('pricing.quote', () => {
  async function priced() {
    const s = await setup()
    await desk.call(
      'pricing.set',
      {
        hospitalId: s.hospitalId,
        resourceType: 'icu',
        basePrice: 500_000,
        pricePerDay: 1_200_000,
        pricePerHour: 60_000,
        emergencyMultiplier: 1.25,
        effectiveFrom: '2025-01-01T00:00:00Z',
      },
      s.admin,
    )
    await desk.call(
      'pricing.set',
      {
        hospitalId: s.hospitalId,
        resourceType: 'icu',
        basePrice: 800_000,
        pricePerDay: 2_000_000,
        emergencyMultiplier: 1.5,
        effectiveFrom: '2025-04-01T00:00:00Z',
      },
      s.admin,
    )
    return s
  }

  it('prices a prospective stay at the price in effect on its date, as a breakdown', async () => {
    const { hospitalId, desk1 } = await priced()
    const q = await desk.call(
      'pricing.quote',
      {
        hospitalId,
        resourceType: 'icu',
        urgency: 'high',
        scheduledDate: '2025-03-10T09:00:00Z',
        estimatedDuration: 51,
      },
      desk1.token,
    )
    // 51 h = 2 days + 3 hours: 2 × ৳12,000 + 3 × ৳600, plus the ৳5,000 base; no multiplier below critical.
    expect(q).toMatchObject({
      basePrice: 500_000,
      durationDetail: { days: 2, hours: 3, pricePerDay: 1_200_000, pricePerHour: 60_000 },
      durationPart: 2_580_000,
      subtotal: 3_080_000,
      multiplier: 1,
      emergencySurcharge: 0,
      total: 3_080_000,
      hours: 51,
    })
    const critical = await desk.call(
      'pricing.quote',
      {
        hospitalId,
        resourceType: 'icu',
        urgency: 'critical',
        scheduledDate: '2025-03-10T09:00:00Z',
        estimatedDuration: 51,
      },
      desk1.token,
    )
    expect(critical).toMatchObject({
      subtotal: 3_080_000,
      multiplier: 1.25,
      emergencySurcharge: 770_000,
      total: 3_850_000,
    })

    const later = await desk.call(
      'pricing.quote',
      {
        hospitalId,
        resourceType: 'icu',
        urgency: 'critical',
        scheduledDate: '2025-04-02T00:00:00Z',
        estimatedDuration: 30,
      },
      desk1.token,
    )
    // The April price: day rate only, a part day counts as a day.
    expect(later).toMatchObject({
      basePrice: 800_000,
      durationPart: 4_000_000,
      multiplier: 1.5,
      total: 7_200_000,
    })
  })

  it('quotes an existing booking from its own details', async () => {
    const { hospitalId, desk1 } = await priced()
    const bookingId = addBooking(desk, {
      hospitalId,
      userId: desk1.id,
      resourceType: 'icu',
      urgency: 'critical',
      scheduledDate: '2025-03-05T10:00:00Z',
      estimatedDuration: 24,
    })
    const q = await desk.call('pricing.quote', { bookingId }, desk1.token)
    expect(q).toMatchObject({ hours: 24, durationPart: 1_200_000, subtotal: 1_700_000, total: 2_125_000 })

    // Another hospital's staff cannot read this booking's details through a quote.
    const stranger = await addStaff(desk, 'hospital-authority', addHospital(desk, 'Popular Medical'))
    await expectFailure(desk.raw('pricing.quote', { bookingId }, stranger.token), 'FORBIDDEN')
  })

  it('says so when no price is in effect, and refuses a half-given request', async () => {
    const { hospitalId, desk1 } = await priced()
    await expectFailure(
      desk.raw(
        'pricing.quote',
        { hospitalId, resourceType: 'icu', scheduledDate: '2024-12-31T00:00:00Z' },
        desk1.token,
      ),
      'NOT_FOUND',
    )
    await expectFailure(
      desk.raw(
        'pricing.quote',
        { hospitalId, resourceType: 'beds', scheduledDate: '2025-03-01T00:00:00Z' },
        desk1.token,
      ),
      'NOT_FOUND',
    )
    await expectFailure(
      desk.raw('pricing.quote', { hospitalId, resourceType: 'icu' }, desk1.token),
      'VALIDATION',
      'scheduledDate',
    )
    await expectFailure(
      desk.raw('pricing.quote', { bookingId: 1, hospitalId }, desk1.token),
      'VALIDATION',
      'hospitalId',
    )
    await expectFailure(
      desk.raw(
        'pricing.quote',
        { hospitalId, resourceType: 'icu', scheduledDate: '2025-03-01T00:00:00Z', estimatedDuration: 0 },
        desk1.token,
      ),
      'VALIDATION',
      'estimatedDuration',
    )
    await expectFailure(desk.raw('pricing.quote', { bookingId: 4242 }, desk1.token), 'NOT_FOUND')
  })
})

describe('durationCharge', () => {
  it('charges whole days at the day rate and the rest by the hour, never more than a day', () => {
    expect(durationCharge(24, 10_000, 150_000)).toEqual({ part: 150_000, days: 1, hours: 0 })
    expect(durationCharge(26, 10_000, 150_000)).toEqual({ part: 170_000, days: 1, hours: 2 })
    // 20 hours by the hour (৳2,000) would cost more than a day (৳1,500): a day is charged.
    expect(durationCharge(44, 10_000, 150_000)).toEqual({ part: 300_000, days: 2, hours: 0 })
    expect(durationCharge(25, null, 150_000)).toEqual({ part: 300_000, days: 2, hours: 0 })
    expect(durationCharge(5, 10_000, null)).toEqual({ part: 50_000, days: 0, hours: 5 })
  })
})
