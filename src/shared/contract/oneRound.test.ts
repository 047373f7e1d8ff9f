import { describe, expect, it } from 'vitest'
import { recordPaymentInput } from './payments'
import { priceInput } from './pricing'

/** Every field a schema refuses, in one answer: the desk's forms show them all at once. */
function fields(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return [...new Set((result.error?.issues ?? []).map((i) => i.path.map(String).join('.')))].sort()
}

describe('validation answers every field in one round', () => {
  it('a payment: a bad amount and a missing reference together', () => {
    expect(fields(recordPaymentInput.safeParse({ bookingId: 1, amount: -5, paymentMethod: 'card' }))).toEqual(
      ['amount', 'gatewayTransactionId'],
    )
  })

  it('a price: a bad base price and no rate at all together', () => {
    expect(fields(priceInput.safeParse({ hospitalId: 1, resourceType: 'beds', basePrice: -1 }))).toEqual([
      'basePrice',
      'pricePerHour',
    ])
  })

  it('does not guess about a field that is itself invalid', () => {
    expect(
      fields(recordPaymentInput.safeParse({ bookingId: 1, amount: 100, paymentMethod: 'cheque' })),
    ).toEqual(['paymentMethod'])
  })

  it('refuses a body that is not an object, without running the object checks on it', () => {
    for (const body of [null, 'cash', 42, [], undefined]) {
      expect(recordPaymentInput.safeParse(body).success).toBe(false)
      expect(priceInput.safeParse(body).success).toBe(false)
    }
  })
})
