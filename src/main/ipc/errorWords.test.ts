/**
 * Main's refusals reach the user in their language, still naming the field: the dispatcher keys
 * every message (both transports pass it), the renderer's localiseError says it in Bangla.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff, bookingInput, counts } from '../../../test/bookingFixtures'
import { expectFailure, makeDesk, type TestDesk } from '../../../test/helpers'
import type { ErrorBody } from '../../shared/errors'
import * as errors from '../../shared/i18n/areas/errors'
import { localiseError, messageKey } from '../../shared/i18n/errorWords'
import { startHttpServer, type RunningServer } from './http'

let desk: TestDesk
let server: RunningServer
const now = new Date('2026-12-30T10:00:00Z')

beforeEach(async () => {
  desk = makeDesk({ now: () => now })
  server = await startHttpServer({ dispatcher: desk.dispatcher, staticDir: desk.dir, port: 0 })
})
afterEach(async () => {
  await server.close()
  desk.close()
})

async function post(
  channel: string,
  body: unknown,
  token: string,
): Promise<{ ok: boolean; error: ErrorBody }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  return (await res.json()) as { ok: boolean; error: ErrorBody }
}

describe('main’s errors in the user’s language', () => {
  it('a VALIDATION refusal names the field in Bangla, by both transports; English stays as main wrote it', async () => {
    const hospitalId = addHospital(desk)
    const clerk = await addStaff(desk, 'user', hospitalId)
    const input = { ...bookingInput(hospitalId, now), patientAge: 'sixty', emergencyContactPhone: '12' }
    const viaIpc = await expectFailure(
      desk.raw('bookings.create', input, clerk.token),
      'VALIDATION',
      'patientAge',
    )
    const viaHttp = (await post('bookings.create', input, clerk.token)).error
    for (const body of [viaIpc as ErrorBody, viaHttp]) {
      expect(body.message).toBe('patientAge: must be a number')
      expect(body.details?.i18n).toMatchObject({ fields: { patientAge: { key: 'field.number' } } })
      const bn = localiseError(body, 'bn')
      expect(bn.message).toBe('বয়স: একটি সংখ্যা হতে হবে')
      expect(bn.details?.fields?.patientAge).toBe('একটি সংখ্যা হতে হবে')
      expect(bn.details?.fields?.emergencyContactPhone).toMatch(/^০১৭১১-২২৩৩৪৪-এর মতো একটি ফোন নম্বর/)
      expect(localiseError(body, 'en')).toEqual(body)
    }
  })

  it('a CONFLICT keeps its particulars: the hospital, the resource in Bangla, the reference', async () => {
    const hospitalId = addHospital(desk, { name: 'Sylhet MAG Osmani', beds: counts(1) })
    const clerk = await addStaff(desk, 'user', hospitalId)
    const authority = await addStaff(desk, 'hospital-authority', hospitalId)
    const first = await desk.call('bookings.create', bookingInput(hospitalId, now), clerk.token)
    const second = await desk.call('bookings.create', bookingInput(hospitalId, now), clerk.token)
    await desk.call('bookings.approve', { id: first.id }, authority.token)
    const viaIpc = await expectFailure(
      desk.raw('bookings.approve', { id: second.id }, authority.token),
      'CONFLICT',
    )
    const viaHttp = (await post('bookings.approve', { id: second.id }, authority.token)).error
    for (const body of [viaIpc as ErrorBody, viaHttp]) {
      expect(body.details?.i18n).toMatchObject({
        key: 'message.noneAvailable',
        params: { resource: 'bed', hospital: 'Sylhet MAG Osmani', reference: second.bookingReference },
      })
      expect(localiseError(body, 'bn').message).toBe(
        `Sylhet MAG Osmani-এ এখন কোনো শয্যা খালি নেই, তাই ${second.bookingReference} অনুমোদন করা যাচ্ছে না।`,
      )
    }
  })

  it('finds its own template for every message in the catalogue, parameters and all', () => {
    for (const group of ['field', 'message'] as const) {
      for (const [name, text] of Object.entries(errors.en[group])) {
        const filled = text.replace(/\{\{(\w+)\}\}/g, (_, p: string) => `«${p}»`)
        const found = messageKey(filled)
        expect(found?.key, filled).toBe(`${group}.${name}`)
      }
    }
  })

  it('says a day main wrote as 2026-11-29 in the date style and digits of the reader', () => {
    const body: ErrorBody = {
      code: 'NOT_FOUND',
      message: 'No bed price is set for this hospital on 2026-11-29.',
    }
    expect(localiseError(body, { language: 'bn', digits: 'beng' }).message).toBe(
      '২৯ নভেম্বর ২০২৬ তারিখে এই হাসপাতালের শয্যা-এর কোনো মূল্য ঠিক করা নেই।',
    )
    expect(localiseError(body, { language: 'bn', digits: 'latn' }).message).toBe(
      '29 নভেম্বর 2026 তারিখে এই হাসপাতালের শয্যা-এর কোনো মূল্য ঠিক করা নেই।',
    )
    expect(localiseError(body, 'en')).toEqual(body)
  })

  it('leaves a message it has no template for in English rather than showing a key', () => {
    const body: ErrorBody = { code: 'CONFLICT', message: 'Something nobody has translated yet.' }
    expect(localiseError(body, 'bn').message).toBe('Something nobody has translated yet.')
  })
})
