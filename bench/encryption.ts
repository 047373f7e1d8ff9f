/**
 * What encryption at rest costs, for bench/run.ts: the same data set as a plain file and as an
 * SQLCipher-encrypted copy, both open at once, measured through the dispatcher in alternating
 * blocks (create + approve, the read paths) and from cold, in the same run. Target: the encrypted
 * desk keeps ≥ 0.8 of the plain desk's speed (throughput; for reads, plain time / encrypted time).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { openDesk, type DeskCore } from '../src/main/app'
import { createKeyFile, DatabaseKey } from '../src/main/db/key'
import { removeDatabaseFiles } from '../src/main/db/backup'
import { changeKey } from '../src/main/db/restore'
import { DeskError, type Envelope } from '../src/shared/errors'

export interface EncryptionBenchInput {
  /** The plain desk, open, holding the data set and the bench's hospital. */
  plain: DeskCore
  dir: string
  password: string
  hospitalId: number
  deskEmail: string
  authorityEmail: string
  roamingEmail: string
  /** Reads: references, phones and name parts to look up. */
  refs: string[]
  phones: string[]
  names: string[]
  queueHospitalId: number
  queueAuthorityEmail: string
  writes: number
}

interface Side {
  desk: DeskCore
  frontDesk: string
  authority: string
  roaming: string
  queueAuthority: string
}

function hr(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

async function ok<T>(p: Promise<Envelope<unknown>>): Promise<T> {
  const env = await p
  if (!env.ok) throw DeskError.fromBody(env.error)
  return env.value as T
}

function median(ms: number[]): number {
  const sorted = [...ms].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * Each sample on both sides in turn, so the machine's drift falls on both alike; twice: the first
 * pass reads pages the desk has not touched yet (for the encrypted file: decrypted on the way in),
 * the second the same rows again, as a desk's working set is read all day.
 */
async function alternate(
  samples: number,
  sides: [Side, Side],
  fn: (side: Side, i: number) => Promise<unknown>,
): Promise<{ first: [number, number]; again: [number, number] }> {
  const pass = async (): Promise<[number, number]> => {
    const ms: [number[], number[]] = [[], []]
    for (let i = 0; i < samples; i++) {
      for (const s of [0, 1] as const) {
        const t = hr()
        await fn(sides[s], i)
        ms[s].push(hr() - t)
      }
    }
    return [median(ms[0]), median(ms[1])]
  }
  const first = await pass()
  return { first, again: await pass() }
}

export async function encryptionCost(input: EncryptionBenchInput): Promise<string[]> {
  const encPath = path.join(input.dir, 'bench-encrypted.sqlite')
  const keyFile = path.join(input.dir, 'bench.key')
  removeDatabaseFiles(encPath)
  fs.rmSync(keyFile, { force: true })
  const key = DatabaseKey.generate()
  createKeyFile(keyFile, key)
  let t = hr()
  input.plain.db.prepare('VACUUM INTO ?').run(encPath)
  changeKey(encPath, null, key)
  const madeIn = (hr() - t) / 1000
  const encrypted = openDesk({ dbPath: encPath, key })
  try {
    const side = async (desk: DeskCore): Promise<Side> => {
      const login = async (email: string) =>
        (
          await ok<{ token: string }>(
            desk.dispatcher.call('auth.login', { email, password: input.password }, null),
          )
        ).token
      return {
        desk,
        frontDesk: await login(input.deskEmail),
        authority: await login(input.authorityEmail),
        roaming: await login(input.roamingEmail),
        queueAuthority: await login(input.queueAuthorityEmail),
      }
    }
    const sides: [Side, Side] = [await side(input.plain), await side(encrypted)]
    const booking = (i: number) => ({
      hospitalId: input.hospitalId,
      resourceType: 'beds' as const,
      patientName: i % 2 ? 'Rahima Begum' : 'রহিমা বেগম',
      patientAge: 31,
      patientGender: 'female' as const,
      medicalCondition: 'Dengue fever',
      urgency: 'high' as const,
      emergencyContactName: 'Fatema Begum',
      emergencyContactPhone: '01711223344',
      emergencyContactRelationship: 'Sister',
      scheduledDate: new Date(Date.now() + 3600_000).toISOString(),
      estimatedDuration: 24,
    })
    // Create + approve, in alternating blocks of 50.
    const writeMs: [number, number] = [0, 0]
    for (let done = 0; done < input.writes; done += 50) {
      for (const s of [0, 1] as const) {
        const { desk, frontDesk, authority } = sides[s]
        t = hr()
        for (let i = 0; i < 50; i++) {
          const b = await ok<{ id: number }>(desk.dispatcher.call('bookings.create', booking(i), frontDesk))
          await ok(desk.dispatcher.call('bookings.approve', { id: b.id }, authority))
        }
        writeMs[s] += hr() - t
      }
    }
    const rate = writeMs.map((ms) => input.writes / (ms / 1000)) as [number, number]
    const n = Math.min(input.refs.length, 1000)
    const reads: [string, { first: [number, number]; again: [number, number] }][] = [
      [
        'Queue page (one hospital, pending, 50 rows)',
        await alternate(n, sides, (s) =>
          ok(
            s.desk.dispatcher.call(
              'bookings.list',
              { hospitalId: input.queueHospitalId, status: 'pending', limit: 50 },
              s.queueAuthority,
            ),
          ),
        ),
      ],
      [
        'Lookup by reference',
        await alternate(n, sides, (s, i) =>
          ok(s.desk.dispatcher.call('bookings.list', { search: input.refs[i]! }, s.frontDesk)),
        ),
      ],
      [
        'Lookup by phone',
        await alternate(n, sides, (s, i) =>
          ok(s.desk.dispatcher.call('bookings.list', { search: input.phones[i]! }, s.frontDesk)),
        ),
      ],
      [
        'Name search, every hospital',
        await alternate(n, sides, (s, i) =>
          ok(s.desk.dispatcher.call('bookings.list', { search: input.names[i]! }, s.roaming)),
        ),
      ],
    ]
    encrypted.close()
    // Cold: a fresh process opens the file and shows the first queue page (key read from its file).
    const coldScript = path.join(__dirname, 'cold.ts')
    const cold = (dbPath: string, key?: string) =>
      Number(
        execFileSync(
          process.execPath,
          [
            '--import',
            'tsx',
            coldScript,
            'desk',
            dbPath,
            String(input.queueHospitalId),
            ...(key ? [key] : []),
          ],
          { encoding: 'utf8' },
        ).trim(),
      )
    const coldMs: [number[], number[]] = [[], []]
    for (let i = 0; i < 5; i++) {
      coldMs[0].push(cold(input.plain.app.databasePath))
      coldMs[1].push(cold(encPath, keyFile))
    }
    const ratio = rate[1] / rate[0]
    const lines = [
      `Encryption at rest: the same data, plain and SQLCipher-encrypted (encrypted copy made in ${madeIn.toFixed(1)} s), both through the dispatcher, alternating:`,
      `  create + approve: plain ${rate[0].toFixed(0)} bookings/s, encrypted ${rate[1].toFixed(0)} bookings/s   ratio ${ratio.toFixed(2)} (target ≥ 0.80) ${ratio >= 0.8 ? 'PASS' : 'FAIL'}`,
    ]
    for (const [name, { first, again }] of reads) {
      const r = again[0] / again[1]
      lines.push(
        `  ${name.padEnd(46)} p50 plain ${fmt(again[0]).padStart(9)}, encrypted ${fmt(again[1]).padStart(9)}   ratio ${r.toFixed(2)} (target ≥ 0.80) ${r >= 0.8 ? 'PASS' : 'FAIL'}` +
          `   first read of each row: ${fmt(first[0])} / ${fmt(first[1])}, ratio ${(first[0] / first[1]).toFixed(2)}`,
      )
    }
    const [cp, ce] = [median(coldMs[0]), median(coldMs[1])]
    lines.push(
      `  ${'Cold open + first queue page (median of 5)'.padEnd(46)} plain ${fmt(cp).padStart(9)}, encrypted ${fmt(ce).padStart(9)}   ratio ${(cp / ce).toFixed(2)}`,
    )
    return lines
  } finally {
    if (encrypted.db.open) encrypted.close()
    removeDatabaseFiles(encPath)
    fs.rmSync(keyFile, { force: true })
  }
}

function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`
}
