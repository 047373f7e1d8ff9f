import { afterEach, describe, expect, it } from 'vitest'
import { makeDesk, type TestDesk } from '../../../../test/helpers'
import type { AuditProblem } from '../../../shared/contract/audit'
import { setLanguage } from '../i18n'
import { auditProblemText } from './problem'

let desk: TestDesk
afterEach(async () => {
  desk?.close()
  setLanguage('en')
})

/** A real desk whose trail is broken three ways behind the ledger's back, and what verify says. */
async function brokenTrail(): Promise<AuditProblem[]> {
  desk = makeDesk()
  const admin = await desk.adminToken()
  const h = await desk.call(
    'hospitals.create',
    { name: 'Khulna Central', address: 'KDA Avenue, Khulna', phone: '+880 41 720 111' },
    admin,
  )
  for (const resourceType of ['beds', 'icu', 'operationTheatres'] as const)
    await desk.call(
      'resources.update',
      { hospitalId: h.id, resourceType, total: 10, maintenance: 1, reason: 'Count' },
      admin,
    )
  desk.db
    .prepare(
      `UPDATE hospital_resources SET available = available - 2, occupied = occupied + 2 WHERE hospitalId = ? AND resourceType = 'beds'`,
    )
    .run(h.id)
  const forge = desk.db.prepare(
    `INSERT INTO resource_audit_log (hospitalId, resourceType, action, oldValues, newValues, reason, createdAt)
     VALUES (?, ?, 'update', ?, ?, 'forged', '2026-01-20T00:00:00.000Z')`,
  )
  const counts = (total: number) =>
    JSON.stringify({ total, available: total - 1, occupied: 0, reserved: 0, maintenance: 1 })
  forge.run(h.id, 'icu', counts(99), counts(10))
  forge.run(h.id, 'operationTheatres', counts(10), '{}')
  return (await desk.call('audit.verify', {}, admin)).problems
}

describe('a verify problem in the reader’s language', () => {
  it('is main’s English word for word, and Bangla with Bangla digits, for each kind found', async () => {
    const problems = await brokenTrail()
    expect(problems.map((p) => p.kind).sort()).toEqual(['brokenChain', 'rowDiffers', 'unrecorded'])
    for (const p of problems) expect(auditProblemText(p)).toBe(p.message)

    setLanguage('bn')
    const said = Object.fromEntries(problems.map((p) => [p.kind, auditProblemText(p)]))
    expect(said.rowDiffers).toMatch(
      /^সারিতে আছে মোট ১০, খালি ৭, দখলকৃত ২, .*কিন্তু নিরীক্ষার ইতিহাস শেষ হয়েছে মোট ১০, খালি ৯/,
    )
    expect(said.brokenChain).toMatch(/শুরু হয়েছে মোট ৯৯, খালি ৯৮, .* থেকে, কিন্তু সারি [০-৯]+ রেখে গেছে মোট ১০/)
    expect(said.unrecorded).toMatch(/^নিরীক্ষা-সারি [০-৯]+-এ রেখে যাওয়া পাঁচটি সংখ্যা লেখা নেই।$/)
    for (const text of Object.values(said)) expect(text).not.toMatch(/[A-Za-z]/)
  })

  it('says a resource with no history, and falls back to main’s words for a kind it does not know', async () => {
    const base = { hospitalId: 1, hospitalName: 'X', resourceType: 'beds', auditId: null }
    const holds = { total: 5, available: 5, occupied: 0, reserved: 0, maintenance: 0 }
    const message =
      'No audit history: the counts (total 5, available 5, occupied 0, reserved 0, maintenance 0) were never recorded.'
    expect(auditProblemText({ ...base, kind: 'noHistory', holds, message })).toBe(message)
    setLanguage('bn')
    expect(auditProblemText({ ...base, kind: 'noHistory', holds, message })).toBe(
      'নিরীক্ষার কোনো ইতিহাস নেই: সংখ্যাগুলো (মোট ৫, খালি ৫, দখলকৃত ০, সংরক্ষিত ০, রক্ষণাবেক্ষণে ০) কখনো লেখা হয়নি।',
    )
    const older = { ...base, message: 'Something an older hub said.' } as unknown as AuditProblem
    expect(auditProblemText(older)).toBe('Something an older hub said.')
  })
})
