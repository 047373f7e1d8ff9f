import { describe, expect, it } from 'vitest'
import { formatDateTimeEntry, parseDateTimeEntry } from './dateEntry'

const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi)

describe('date entry', () => {
  it('reads the day first, as Bangladesh writes it', () => {
    expect(parseDateTimeEntry('31/12/2026 10:00')).toEqual(at(2026, 12, 31, 10))
    expect(parseDateTimeEntry('3/4/2026 9:05')).toEqual(at(2026, 4, 3, 9, 5))
    expect(parseDateTimeEntry('31-12-2026 22:30')).toEqual(at(2026, 12, 31, 22, 30))
    expect(parseDateTimeEntry('31.12.2026')).toEqual(at(2026, 12, 31))
  })

  it('reads ISO order too', () => {
    expect(parseDateTimeEntry('2026-12-31 10:00')).toEqual(at(2026, 12, 31, 10))
    expect(parseDateTimeEntry('2026-12-31T10:00')).toEqual(at(2026, 12, 31, 10))
  })

  it('reads Bangla digits', () => {
    expect(parseDateTimeEntry('৩১/১২/২০২৬ ১০:০০')).toEqual(at(2026, 12, 31, 10))
    expect(parseDateTimeEntry('২০২৬-১২-৩১ ১০:০০')).toEqual(at(2026, 12, 31, 10))
  })

  it('refuses what is not a day or a time', () => {
    for (const bad of [
      '31/02/2026 10:00',
      '12/31/2026 10:00',
      '2026-12-31 25:00',
      'tomorrow',
      '',
      '31/12/26',
    ])
      expect(parseDateTimeEntry(bad), bad).toBeNull()
  })

  it('writes day first, 24-hour, and reads back what it wrote', () => {
    const d = at(2026, 1, 5, 14, 30)
    expect(formatDateTimeEntry(d)).toBe('05/01/2026 14:30')
    expect(parseDateTimeEntry(formatDateTimeEntry(d))).toEqual(d)
  })
})
