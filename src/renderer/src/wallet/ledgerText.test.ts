import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import { bn } from '../../../shared/i18n/bn'
import { en } from '../../../shared/i18n/en'
import { makeDesk, type TestDesk } from '../../../../test/helpers'
import { addBooking, addHospital, addStaff } from '../../../../test/moneyFixtures'
import { ledgerText, type Say } from './ledgerText'

let desk: TestDesk
afterEach(() => desk?.close())

async function sayer(lng: 'en' | 'bn'): Promise<Say> {
  const i = i18next.createInstance()
  await i.init({
    lng,
    resources: { en: { translation: en }, bn: { translation: bn } },
    interpolation: { escapeValue: false },
  })
  return (key, params) => i.t(key, params)
}

/** Every kind of line main writes in a drawer's ledger, written by the real services. */
async function ledgerLines(): Promise<string[]> {
  desk = makeDesk({ now: () => new Date('2025-03-01T06:00:00.000Z') })
  const hospitalId = addHospital(desk)
  const authority = await addStaff(desk, 'hospital-authority', hospitalId)
  const reception = await addStaff(desk, 'user', hospitalId)
  const bookingId = addBooking(desk, { hospitalId, userId: reception.id, status: 'admitted' })
  await desk.call('wallet.deposit', { amount: 50_000, description: 'শিফট শুরুর খুচরা টাকা' }, reception.token)
  const paid = await desk.call(
    'payments.record',
    { bookingId, amount: 120_000, paymentMethod: 'cash' },
    reception.token,
  )
  await desk.call('wallet.deposit', { amount: 100_000, description: 'Float' }, authority.token)
  await desk.call('payments.refund', { id: paid.id, amount: 20_000, reason: 'Shorter stay' }, authority.token)
  await desk.call(
    'wallet.closeShift',
    { countedCash: 165_000, reason: 'Change given twice', handOver: 100_000 },
    reception.token,
  )
  const lines = [reception, authority].map(
    async (u) => (await desk.call('wallet.get', {}, u.token)).ledger.items,
  )
  return (await Promise.all(lines)).flat().map((r) => r.description ?? '')
}

describe('a ledger line in the reader’s language', () => {
  it('reads in English exactly as main wrote it, and in Bangla with no English of main’s left', async () => {
    const lines = await ledgerLines()
    expect(lines.length).toBeGreaterThanOrEqual(6)
    const english = await sayer('en')
    const bangla = await sayer('bn')
    for (const line of lines) expect(ledgerText(line, english)).toBe(line)

    const said = lines.map((line) => ledgerText(line, bangla))
    expect(said.join('\n')).not.toMatch(/Cash|Shift close|counted|expected|handed over|refund on/)
    expect(said).toContain('টাকা যোগ: শিফট শুরুর খুচরা টাকা')
    expect(said).toContain('শিফট বন্ধ: সিন্দুকে জমা দেওয়া হয়েছে')
    expect(said.find((s) => s.startsWith('শিফট বন্ধ: গুনে পাওয়া'))).toMatch(/, ৳50\.00 কম। Change given twice$/) // digits: the user’s setting, ASCII here
    expect(said.find((s) => s.startsWith('ক্যাশ পেমেন্ট #'))).toMatch(/\(.+\)$/)
    expect(said.find((s) => s.includes('ক্যাশ ফেরত'))).toMatch(/: Shorter stay$/)
  })

  it('shows a line it does not recognise as it was written', async () => {
    expect(ledgerText('Opening float from the safe', await sayer('bn'))).toBe('Opening float from the safe')
    expect(ledgerText(null, await sayer('bn'))).toBe('')
  })
})
