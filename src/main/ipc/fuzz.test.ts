/**
 * The fuzz of every channel, in `npm test`: a fixed seed and a budget that keeps the suite fast.
 * `npm run fuzz` runs the same with more inputs (and `-- --seed N` for another seed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../shared/contract'
import { fuzzChannels, fuzzDesk, type FuzzDesk } from '../../../test/fuzz'

let fd: FuzzDesk
beforeAll(async () => {
  fd = await fuzzDesk()
})
afterAll(() => fd.close())

describe('every channel, fuzzed with inputs its schema refuses, as every role', () => {
  it(`holds for all ${CHANNEL_NAMES.length} channels: never INTERNAL, nothing changed, still serving`, async () => {
    const findings = await fuzzChannels(fd, { seed: 20261129, runsPerChannel: 6 })
    expect(findings.map((f) => `${f.channel} as ${f.role} (${f.transport}): ${f.problem}`)).toEqual([])
  }, 120_000)
})
