import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatMoney, moneyInputText, parseMoney, toHundredths } from './money'

describe('formatMoney', () => {
  it('writes lakh and crore in Bangla digits for a Bangla reader', () => {
    expect(formatMoney(100_000_00, 'beng')).toBe('৳১,০০,০০০.০০')
    expect(formatMoney(12_345_678_50, 'beng')).toBe('৳১,২৩,৪৫,৬৭৮.৫০')
    expect(formatMoney(-5_000, 'beng')).toBe('−৳৫০.০০')
  })

  it('reads back what it wrote, in either script', () => {
    expect(parseMoney('৳১,০০,০০০.০০')).toEqual({ ok: true, paisa: 100_000_00 })
    expect(parseMoney('1,00,000.50')).toEqual({ ok: true, paisa: 100_000_50 })
  })

  it('shows paisa as taka with grouping and two decimals', () => {
    expect(formatMoney(123450)).toBe('৳1,234.50')
    expect(formatMoney(0)).toBe('৳0.00')
    expect(formatMoney(5)).toBe('৳0.05')
    expect(formatMoney(100_000_000_00)).toBe('৳10,00,00,000.00')
    expect(formatMoney(100_000_00)).toBe('৳1,00,000.00')
    expect(formatMoney(12_345_678_50)).toBe('৳1,23,45,678.50')
    expect(formatMoney(99_900)).toBe('৳999.00')
    expect(formatMoney(-5_000)).toBe('−৳50.00')
  })
})

describe('parseMoney', () => {
  it('reads what people type, exactly to the paisa', () => {
    expect(parseMoney('1234.5')).toEqual({ ok: true, paisa: 123450 })
    expect(parseMoney('৳1,234.50')).toEqual({ ok: true, paisa: 123450 })
    expect(parseMoney(' 0.1 ')).toEqual({ ok: true, paisa: 10 })
    expect(parseMoney('300')).toEqual({ ok: true, paisa: 30000 })
    expect(parseMoney('0.29')).toEqual({ ok: true, paisa: 29 })
  })

  it('refuses fractions of a paisa, signs and words', () => {
    expect(parseMoney('1.005')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/fractions of a paisa/),
    })
    expect(parseMoney('-5')).toMatchObject({ ok: false })
    expect(parseMoney('five')).toMatchObject({ ok: false })
    expect(parseMoney('')).toMatchObject({ ok: false, message: 'is required' })
    expect(parseMoney('1e3')).toMatchObject({ ok: false })
  })

  it('round-trips every amount through its input text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (paisa) => {
        expect(parseMoney(moneyInputText(paisa))).toEqual({ ok: true, paisa })
        expect(parseMoney(formatMoney(paisa))).toEqual({ ok: true, paisa })
      }),
    )
  })
})

describe('toHundredths', () => {
  it('takes at most two decimals', () => {
    expect(toHundredths(1.5)).toBe(150)
    expect(toHundredths(1.15)).toBe(115)
    expect(toHundredths(4.99)).toBe(499)
    expect(toHundredths(1.005)).toBeNull()
  })
})
