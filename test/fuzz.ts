/**
 * Property-based fuzzing of every channel (fast-check): inputs the contract's own schemas refuse,
 * sent as every role, through the dispatcher (any value, as Electron's structured clone can carry)
 * and over browser mode's HTTP (JSON). The desk must answer each with a refusal, never INTERNAL,
 * change nothing in the database, and keep serving. `npm test` runs it with a fixed seed and a
 * small budget (fuzz.test.ts); `npm run fuzz` runs a larger one (scripts/fuzz.ts).
 */
import crypto from 'node:crypto'
import fc from 'fast-check'
import type { z } from 'zod'
import { contract, CHANNEL_NAMES, type ChannelName } from '../src/shared/contract'
import type { Envelope } from '../src/shared/errors'
import { startHttpServer, type RunningServer } from '../src/main/ipc/http'
import { addHospital, addStaff, bookingInput } from './bookingFixtures'
import { makeDesk, tempDir, type TestDesk } from './helpers'

type Def = { type: string; [k: string]: unknown }
const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def

/** The object schema under optional/nullable/default/pipe wrappers, if the input is an object. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  let s = schema
  for (let i = 0; i < 10; i++) {
    const d = def(s)
    if (d.type === 'object') return d.shape as Record<string, z.ZodType>
    if (d.type === 'pipe') s = d.in as z.ZodType
    else if ('innerType' in d) s = d.innerType as z.ZodType
    else return null
  }
  return null
}

const future = () => new Date(Date.now() + 3 * 3_600_000).toISOString()

/** Values a person might type, tried in turn until a field's schema takes one. */
function candidates(): unknown[] {
  return [
    1,
    'Rahim Uddin',
    '+8801711223344',
    'admin@rapidcare.test',
    future(),
    'correct-horse-42',
    '0000-0000',
    true,
    1.5,
    100,
    0,
    'beds',
    'a'.repeat(64).replace(/a/g, '0'),
    [],
    {},
  ]
}

/** A value the field accepts, or undefined when none of the candidates fits. */
function sampleFor(schema: z.ZodType): unknown {
  const d = def(schema)
  const inner =
    d.type === 'optional' || d.type === 'nullable' || d.type === 'default'
      ? (d.innerType as z.ZodType)
      : schema
  const innerDef = def(inner)
  if (innerDef.type === 'enum') return Object.values(innerDef.entries as Record<string, string>)[0]
  const shape = objectShape(inner)
  if (shape) {
    const obj: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(shape)) {
      const sample = sampleFor(v)
      if (sample !== undefined) obj[k] = sample
    }
    return obj
  }
  return candidates().find((c) => schema.safeParse(c).success)
}

/** The best valid-looking input for a channel: each field filled with what it accepts. */
export function baseInput(channel: ChannelName): Record<string, unknown> {
  const shape = objectShape(contract[channel].input)
  if (!shape) return {}
  const base: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(shape)) {
    const sample = sampleFor(v)
    if (sample !== undefined) base[k] = sample
  }
  return base
}

/** Text no person types, and text that is almost right. */
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'ab\u0000',
    '\u200b\u200b',
    '\ud800',
    'x\udfff',
    '\u202eevil',
    '\ue000\ue001\ue002',
    '0      0',
    '0------0',
    '+0000000',
    '9999-12-31T23:59:00+00:00',
    '+010000-01-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '1999-12-31T23:59:59Z',
    'RC-',
    '%',
    '"',
    "'; DROP TABLE users; --",
    'a'.repeat(5000),
    '../../etc/passwd',
    '\\\\server\\share\\x.sqlite',
  ),
)

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, -0, 2 ** 53, 2 ** 63, 0.1, 10_000_000_001, Number.MAX_SAFE_INTEGER),
)

/** Any JSON value, shallow: wrong types for a field. */
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(nastyString, nastyNumber), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(nastyString, nastyNumber), { maxKeys: 4 }),
)

/** What only a structured clone (Electron's IPC) or a direct caller carries: not JSON. */
const cloneOnly: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, NaN, Infinity, -Infinity, 10n, new Date(0), new Map([[1, 2]]), new Set([1])),
  fc.constant(new Uint8Array([0, 1, 2])),
  fc.constant(Object.create(null) as unknown),
)

/** An input for `channel` that its schema refuses: one field spoiled, an unknown field, or anything. */
export function invalidInput(channel: ChannelName, withClone: boolean): fc.Arbitrary<unknown> {
  const schema = contract[channel].input
  const shape = objectShape(schema)
  const base = baseInput(channel)
  const value = withClone ? fc.oneof(jsonish, cloneOnly) : jsonish
  const options: fc.Arbitrary<unknown>[] = [
    value,
    fc.anything({ maxDepth: 2 }),
    fc.record({ extra: value }).map((o) => ({ ...base, [`x_${Object.keys(o).length}`]: o.extra })),
  ]
  if (shape && Object.keys(shape).length) {
    const keys = Object.keys(shape)
    options.push(
      fc.tuple(fc.constantFrom(...keys), value).map(([k, v]) => ({ ...base, [k]: v })),
      fc
        .tuple(fc.constantFrom(...keys), fc.constantFrom(...keys), value, value)
        .map(([a, b, v, w]) => ({ ...base, [a]: v, [b]: w })),
    )
  }
  return fc.oneof(...options).filter((input) => {
    // Judge what the dispatcher will see: JSON drops undefined fields and turns -0 into 0 on the
    // way, and the dispatcher reads a missing input as {}.
    let seen: unknown
    try {
      seen = withClone ? (input === undefined ? {} : input) : JSON.parse(JSON.stringify(input ?? null))
    } catch {
      return false
    }
    try {
      return !schema.safeParse(seen).success
    } catch {
      return true // a schema that throws is itself a finding: keep it
    }
  })
}

/** Every row of every table, hashed: equal dumps mean nothing changed. */
export function dumpHash(desk: TestDesk): string {
  const hash = crypto.createHash('sha256')
  const tables = desk.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[]
  for (const t of tables) {
    hash.update(`\n#${t}\n`)
    for (const row of desk.db
      .prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`)
      .raw()
      .iterate())
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
  }
  return hash.digest('hex')
}

export interface FuzzDesk {
  desk: TestDesk
  server: RunningServer
  /** null: signed out; then one token per role. */
  tokens: { role: string; token: string | null }[]
  close(): Promise<void>
}

/** A desk with something in it to protect: hospitals, staff of every role, a booking, a payment. */
export async function fuzzDesk(): Promise<FuzzDesk> {
  const desk = makeDesk()
  const admin = await desk.adminToken()
  const hospital = addHospital(desk)
  addHospital(desk, { name: 'Rangpur New Clinic', status: 'pending' })
  const user = await addStaff(desk, 'user', hospital)
  const authority = await addStaff(desk, 'hospital-authority', hospital)
  await desk.call(
    'pricing.set',
    { hospitalId: hospital, resourceType: 'beds', basePrice: 0, pricePerDay: 150000 },
    admin,
  )
  const booking = await desk.call('bookings.create', bookingInput(hospital, new Date()), user.token)
  await desk.call('bookings.approve', { id: booking.id }, authority.token)
  await desk.call(
    'payments.record',
    { bookingId: booking.id, amount: 50000, paymentMethod: 'cash' },
    user.token,
  )
  const staticDir = tempDir('rapidcare-fuzz-static-')
  const server = await startHttpServer({ dispatcher: desk.dispatcher, staticDir, port: 0 })
  return {
    desk,
    server,
    tokens: [
      { role: 'signed out', token: null },
      { role: 'user', token: user.token },
      { role: 'hospital-authority', token: authority.token },
      { role: 'admin', token: admin },
    ],
    close: async () => {
      await server.close()
      desk.close()
    },
  }
}

async function overHttp(server: RunningServer, channel: string, input: unknown, token: string | null) {
  const res = await fetch(`${server.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input ?? null),
  })
  return { status: res.status, body: (await res.json()) as Envelope<unknown> }
}

export interface FuzzOptions {
  seed: number
  /** Inputs per channel and role, per transport. */
  runsPerChannel: number
  channels?: readonly ChannelName[]
}

export interface Finding {
  channel: string
  role: string
  transport: 'dispatcher' | 'http'
  input: unknown
  problem: string
}

/**
 * Run the fuzz; returns what broke (empty when the desk held). Each channel's run ends with a dump
 * comparison, so a change is traced to the channel that made it.
 */
export async function fuzzChannels(fd: FuzzDesk, options: FuzzOptions): Promise<Finding[]> {
  const findings: Finding[] = []
  const channels = options.channels ?? CHANNEL_NAMES
  let seed = options.seed
  for (const channel of channels) {
    const before = dumpHash(fd.desk)
    for (const { role, token } of fd.tokens) {
      for (const transport of ['dispatcher', 'http'] as const) {
        await fc.assert(
          fc.asyncProperty(invalidInput(channel, transport === 'dispatcher'), async (input) => {
            let env: Envelope<unknown>
            let status = 0
            try {
              if (transport === 'dispatcher') env = await fd.desk.dispatcher.call(channel, input, token)
              else ({ status, body: env } = await overHttp(fd.server, channel, input, token))
            } catch (err) {
              findings.push({ channel, role, transport, input, problem: `threw: ${String(err)}` })
              return
            }
            if (env.ok)
              findings.push({
                channel,
                role,
                transport,
                input,
                problem: 'accepted an input its schema refuses',
              })
            else if (env.error.code === 'INTERNAL')
              findings.push({ channel, role, transport, input, problem: `INTERNAL: ${env.error.message}` })
            else if (transport === 'http' && status >= 500)
              findings.push({ channel, role, transport, input, problem: `HTTP ${status}` })
          }),
          { seed: seed++, numRuns: options.runsPerChannel, endOnFailure: true },
        )
      }
    }
    if (dumpHash(fd.desk) !== before)
      findings.push({
        channel,
        role: '*',
        transport: 'dispatcher',
        input: null,
        problem: 'the database changed',
      })
  }
  // Still serving: a plain call answers over HTTP.
  const alive = await overHttp(fd.server, 'auth.status', {}, null)
  if (alive.status !== 200)
    findings.push({
      channel: 'auth.status',
      role: 'signed out',
      transport: 'http',
      input: {},
      problem: 'stopped serving',
    })
  return findings
}
