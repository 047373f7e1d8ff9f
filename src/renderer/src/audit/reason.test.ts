import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '../i18n'
import { auditReason } from './reason'

afterEach(() => setLanguage('en'))

describe('an audit reason in the reader’s language', () => {
  it('says the desk’s own reasons again in Bangla, and in English exactly as stored', async () => {
    const stored = [
      'RC-2026-000004 admitted',
      'RC-2026-000012 referred to Sylhet General Hospital',
      'Hospital registered: resources start at zero',
    ]
    expect(stored.map(auditReason)).toEqual(stored)
    setLanguage('bn')
    expect(stored.map(auditReason)).toEqual([
      'RC-2026-000004 ভর্তি',
      'RC-2026-000012 Sylhet General Hospital-এ রেফার করা হয়েছে',
      'হাসপাতাল নিবন্ধিত: সব সুবিধা শূন্য থেকে শুরু',
    ])
  })

  it('leaves a reason a person typed as typed, whatever it looks like', async () => {
    setLanguage('bn')
    for (const typed of ['New ICU wing opened', 'RC-2026-000004 moved to ward 3', 'নতুন ওয়ার্ড'])
      expect(auditReason(typed)).toBe(typed)
  })
})
