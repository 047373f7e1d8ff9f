/**
 * The one-time setup code of a desk that has no administrator yet. Browser mode listens on
 * loopback, where any local process could otherwise claim the administrator account (or adopt a
 * file of its choosing) before the person installing the desk does. `serve` prints the code on its
 * console; only someone who can read that console can finish the first run. In Electron the
 * desk's own window is the only caller, and main hands it the code (electron/transport.ts).
 */
import crypto from 'node:crypto'
import { DeskError } from '../../shared/errors'

/** Wrong codes allowed per minute: 10⁸ codes at this pace take about 19 years to try. */
export const SETUP_CODE_TRIES_PER_MINUTE = 10

export class SetupCode {
  /** `4821-9930`: eight digits, read off a console and typed, so no letters to confuse. */
  readonly value: string
  private wrong: number[] = []

  constructor(private readonly clock: () => number = Date.now) {
    const digits = crypto.randomInt(0, 100_000_000).toString().padStart(8, '0')
    this.value = `${digits.slice(0, 4)}-${digits.slice(4)}`
  }

  /** Refuses, naming the field, unless `given` is this code (spaces and dashes ignored). */
  check(given: string): void {
    const now = this.clock()
    this.wrong = this.wrong.filter((t) => now - t < 60_000)
    if (this.wrong.length >= SETUP_CODE_TRIES_PER_MINUTE)
      throw DeskError.field('setupCode', 'was wrong too many times: wait a minute, then try again')
    const a = Buffer.from(given.replace(/[\s-]/g, ''))
    const b = Buffer.from(this.value.replace('-', ''))
    if (a.length === b.length && crypto.timingSafeEqual(a, b)) return
    this.wrong.push(now)
    throw DeskError.field(
      'setupCode',
      'is not this desk’s setup code (the line “Setup code: …” printed where the desk was started)',
    )
  }
}
