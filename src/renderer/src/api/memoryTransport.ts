/**
 * The renderer's transport, in memory: each call goes to the real dispatcher of a real desk (real
 * SQLite file), as JSON both ways, exactly as browser mode's HTTP carries it: the token from
 * auth.login is kept and sent, auth.logout drops it. `hold` keeps answers back, so a test can
 * deliver them in the order it wants (a slow network, made deterministic).
 */
import type { Envelope } from '../../../shared/errors'
import type { Transport } from './client'

/** What answers: the dispatcher (main's, in the tests), called with the session's token. */
export interface Answerer {
  call(channel: string, input: unknown, token: string | null): Promise<Envelope<unknown>>
}

interface Held {
  channel: string
  input: unknown
  release: () => void
}

export class MemoryTransport implements Transport {
  token: string | null = null
  /** Every call made, in order: channel and input as sent. */
  readonly sent: { channel: string; input: unknown }[] = []
  private holding: ((channel: string, input: unknown) => boolean) | null = null
  readonly held: Held[] = []

  constructor(private readonly dispatcher: Answerer) {}

  mayHaveSession(): boolean {
    return this.token !== null
  }

  /** Hold back the answers of the calls `which` picks, until released (one by one, in any order). */
  hold(which: (channel: string, input: unknown) => boolean): void {
    this.holding = which
  }

  stopHolding(): void {
    this.holding = null
  }

  async send(channel: string, input: unknown): Promise<Envelope<unknown>> {
    const wire = JSON.parse(JSON.stringify(input ?? {})) as unknown
    this.sent.push({ channel, input: wire })
    if (this.holding?.(channel, wire)) {
      await new Promise<void>((release) => this.held.push({ channel, input: wire, release }))
    }
    const envelope = JSON.parse(
      JSON.stringify(await this.dispatcher.call(channel, wire, this.token)),
    ) as Envelope<unknown>
    if (envelope.ok && channel === 'auth.login') this.token = (envelope.value as { token: string }).token
    if (channel === 'auth.logout' || (!envelope.ok && envelope.error.code === 'UNAUTHENTICATED'))
      this.token = null
    return envelope
  }
}
