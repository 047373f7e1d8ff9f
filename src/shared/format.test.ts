import { afterEach, describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatFromNow,
  formatLongDay,
  formatPhone,
  formatTime,
  formatWaited,
  formatWhen,
  scheduleProblem,
} from './format'
import { setDisplayLocaleReader, type DisplayLocale } from './locale/display'
import { normalisePhone, phoneSearchPrefix } from './phone'
import { formatMoney, parseMoney, PAYMENT_METHOD_LABEL, paymentMethodLabel } from './money'
import {
  BOOKING_STATUS_LABEL,
  formatCount,
  RESOURCE_LABEL,
  resourceLabel,
  resourceTitle,
  ROLE_LABEL,
  URGENCY_LABEL,
  urgencyLabel,
} from './labels'

const at = new Date(2026, 10, 29, 14, 5) // 29 Nov 2026, 14:05 local
const ENGLISH: DisplayLocale = { language: 'en', digits: 'latn' }
function show(locale: DisplayLocale) {
  setDisplayLocaleReader(() => locale)
}
afterEach(() => show(ENGLISH))

describe('in English (what the desk always wrote)', () => {
  it('writes dates day first, one clock, as before', () => {
    expect(formatDate(at)).toBe('29 Nov 2026')
    expect(formatDateTime(at)).toBe('29 Nov 2026, 14:05')
    expect(formatTime(at)).toBe('14:05')
    expect(formatLongDay('2026-11-29')).toBe('Sunday 29 November 2026')
    expect(formatFromNow(at, new Date(2026, 10, 29, 9, 5))).toBe('in 5 hours')
    expect(formatFromNow(new Date(2026, 10, 29, 9, 5), at)).toBe('5 hours ago')
    expect(formatWaited(new Date(2026, 10, 29, 11, 0), at)).toBe('3 h 05 min')
    expect(formatDate(null)).toBe('—')
  })

  it('names code values and counts in English, money with lakh grouping', () => {
    expect(RESOURCE_LABEL.icu.many).toBe('ICU beds')
    expect(resourceTitle('operationTheatres')).toBe('Operation theatres')
    expect(BOOKING_STATUS_LABEL.completed).toBe('Discharged')
    expect(ROLE_LABEL.admin).toBe('Administrator')
    expect(PAYMENT_METHOD_LABEL.bank).toBe('Bank transfer')
    expect(formatCount(1204)).toBe('1,204')
    expect(formatMoney(100_000_00)).toBe('৳1,00,000.00')
    expect(scheduleProblem(new Date(2020, 0, 1), at)).toBe('must not be more than 24 hours in the past')
  })
})

describe('in Bangla', () => {
  it('follows the switch without re-importing: the same record answers in the new language', () => {
    expect(URGENCY_LABEL.critical).toBe('Critical')
    show({ language: 'bn', digits: 'beng' })
    expect(URGENCY_LABEL.critical).toBe('সংকটাপন্ন')
    expect(Object.values(ROLE_LABEL)).toEqual(['ফ্রন্ট ডেস্ক', 'হাসপাতাল কর্তৃপক্ষ', 'অ্যাডমিন'])
    expect(BOOKING_STATUS_LABEL.pending).toBe('অপেক্ষমাণ')
    expect(PAYMENT_METHOD_LABEL.bkash).toBe('বিকাশ')
  })

  it('writes dates day first in Bangla words and digits, 24-hour clock', () => {
    show({ language: 'bn', digits: 'beng' })
    expect(formatDate(at)).toBe('২৯ নভেম্বর ২০২৬')
    expect(formatDateTime(at)).toBe('২৯ নভেম্বর ২০২৬, ১৪:০৫')
    expect(formatLongDay('2026-11-29')).toBe('রবিবার, ২৯ নভেম্বর ২০২৬')
    expect(formatFromNow(new Date(2026, 10, 29, 9, 5), at)).toBe('৫ ঘণ্টা আগে')
    expect(formatFromNow(at, new Date(2026, 10, 29, 9, 5))).toBe('৫ ঘণ্টা পরে')
    expect(formatWaited(new Date(2026, 10, 29, 11, 0), at)).toBe('৩ ঘণ্টা ০৫ মিনিট')
    expect(formatWhen(new Date())).toMatch(/^আজ [০-৯]{2}:[০-৯]{2}$/)
  })

  it('keeps ASCII digits when the user turned Bangla digits off, words still Bangla', () => {
    show({ language: 'bn', digits: 'latn' })
    expect(formatDateTime(at)).toBe('29 নভেম্বর 2026, 14:05')
    expect(formatMoney(100_000_00)).toBe('৳1,00,000.00')
    expect(formatCount(123456)).toBe('1,23,456')
  })

  it('writes phone numbers in the chosen digits, and what it writes is read back as the same number', () => {
    const mobile = '+8801711223344'
    const london = '+442079460958'
    expect(formatPhone(mobile)).toBe('01711-223344')
    expect(formatPhone(london)).toBe('+44 20 7946 0958')
    expect(formatPhone(null)).toBe('')
    show({ language: 'bn', digits: 'beng' })
    expect(formatPhone(mobile)).toBe('০১৭১১-২২৩৩৪৪')
    expect(formatPhone(london)).toBe('+৪৪ ২০ ৭৯৪৬ ০৯৫৮')
    expect(formatPhone('02-9550001 ext 5')).toBe('০২-৯৫৫০০০১ ext ৫') // a kept legacy value, digits only
    // Copied from the screen into a phone box or the search, it is the stored number again.
    expect(normalisePhone(formatPhone(mobile))).toBe(mobile)
    expect(normalisePhone(formatPhone(london))).toBe(london)
    expect(phoneSearchPrefix(formatPhone(mobile).slice(0, 5))).toBe('+8801711')
    // Main names the language per message; Bangla digits turned off keep ASCII.
    expect(formatPhone(mobile, 'en')).toBe('01711-223344')
    show({ language: 'bn', digits: 'latn' })
    expect(formatPhone(mobile)).toBe('01711-223344')
  })

  it('writes money and counts the lakh way in Bangla digits', () => {
    show({ language: 'bn', digits: 'beng' })
    expect(formatMoney(100_000_00)).toBe('৳১,০০,০০০.০০')
    expect(formatCount(123456)).toBe('১,২৩,৪৫৬')
    expect(parseMoney('')).toEqual({ ok: false, message: 'দিতে হবে' })
    expect(parseMoney('৳১,০০,০০০.০০')).toEqual({ ok: true, paisa: 100_000_00 })
  })

  it('lets main name the language per message while the process default stays English', () => {
    expect(urgencyLabel('high', 'bn')).toBe('উচ্চ')
    expect(resourceLabel('beds', 'one', 'bn')).toBe('শয্যা')
    expect(paymentMethodLabel('cash', 'bn')).toBe('ক্যাশ')
    expect(formatMoney(123450, 'bn')).toBe('৳১,২৩৪.৫০')
    expect(formatDate(at, 'bn')).toBe('২৯ নভেম্বর ২০২৬')
    expect(formatDate(at, { language: 'bn', digits: 'latn' })).toBe('29 নভেম্বর 2026')
    expect(scheduleProblem(new Date(2020, 0, 1), at, 'bn')).toBe('২৪ ঘণ্টার বেশি আগের হতে পারে না')
    expect(urgencyLabel('high')).toBe('High')
    expect(formatMoney(123450)).toBe('৳1,234.50')
  })
})

describe('a day without its year (a chart axis)', () => {
  it('is "29 Nov" in English and the Bangla month in Bangla, in the chosen digits', () => {
    expect(formatDayMonth(at)).toBe('29 Nov')
    show({ language: 'bn', digits: 'beng' })
    expect(formatDayMonth(at)).toBe('২৯ নভেম্বর')
    show({ language: 'bn', digits: 'latn' })
    expect(formatDayMonth(at)).toBe('29 নভেম্বর')
    expect(formatDayMonth(null)).toBe('—')
  })
})
