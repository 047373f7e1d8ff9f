/**
 * The larger fuzz run: `npm run fuzz -- [--runs N] [--seed S] [--channel area.verb]`. The same
 * property as fuzz.test.ts (every channel, inputs its schema refuses, every role, dispatcher and
 * HTTP), with more inputs. Prints each finding and exits 1 if there is any.
 */
import { CHANNEL_NAMES, isChannelName } from '../src/shared/contract'
import { fuzzChannels, fuzzDesk } from '../test/fuzz'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const runs = Number(flag('runs') ?? 100)
  const seed = Number(flag('seed') ?? Date.now() % 2 ** 31)
  const only = flag('channel')
  if (only && !isChannelName(only)) throw new Error(`There is no channel named ${only}.`)
  const channels = only && isChannelName(only) ? [only] : CHANNEL_NAMES
  console.log(
    `Fuzzing ${channels.length} channel(s), ${runs} inputs per channel, role and transport, seed ${seed}…`,
  )
  const fd = await fuzzDesk()
  const started = Date.now()
  try {
    const findings = await fuzzChannels(fd, { seed, runsPerChannel: runs, channels })
    const calls = channels.length * fd.tokens.length * 2 * runs
    console.log(`${calls} calls in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
    for (const f of findings)
      console.log(
        `FINDING ${f.channel} as ${f.role} (${f.transport}): ${f.problem}\n  input: ${safe(f.input)}`,
      )
    if (findings.length) process.exitCode = 1
    else console.log('The desk held: no INTERNAL, no change to the database, still serving.')
  } finally {
    await fd.close()
  }
}

function safe(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 300) ??
      String(value)
    )
  } catch {
    return String(value)
  }
}

void main()
