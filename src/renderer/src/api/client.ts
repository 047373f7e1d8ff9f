/**
 * The renderer's only way to main: `call(channel, input)`, typed from the contract, over the
 * Electron bridge when present, else browser mode's loopback HTTP. A failed envelope becomes a
 * DeskError.
 */
import type { ChannelInput, ChannelName, ChannelResult } from '../../../shared/contract'
import { DeskError, isErrorBody, type Envelope } from '../../../shared/errors'
import { localiseError } from '../../../shared/i18n/errorWords'

const TOKEN_KEY = 'rapidcare.token'

export interface Transport {
  send(channel: string, input: unknown): Promise<Envelope<unknown>>
  /** False when this page certainly has no session (so there is no point asking main). */
  mayHaveSession(): boolean
}

class ElectronTransport implements Transport {
  // The session lives in main, bound to this window: only main knows.
  mayHaveSession(): boolean {
    return true
  }

  async send(channel: string, input: unknown): Promise<Envelope<unknown>> {
    return (await window.rapidcare!.invoke(channel, input)) as Envelope<unknown>
  }
}

class HttpTransport implements Transport {
  private token: string | null =
    typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TOKEN_KEY)

  mayHaveSession(): boolean {
    return this.token !== null
  }

  /** The bearer token, for the live feed's own request (see live/sse.ts). */
  bearer(): string | null {
    return this.token
  }

  async send(channel: string, input: unknown): Promise<Envelope<unknown>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (this.token) headers.Authorization = `Bearer ${this.token}`
    let response: Response
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
      })
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'The desk service is not reachable. Is it still running?' },
      }
    }
    const body = (await response.json().catch(() => null)) as Envelope<unknown> | null
    if (!body || typeof body !== 'object' || !('ok' in body)) {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Unexpected answer from the desk service (${response.status}).` },
      }
    }
    if (body.ok && channel === 'auth.login') this.setToken((body.value as { token: string }).token)
    if (channel === 'auth.logout' || (!body.ok && body.error.code === 'UNAUTHENTICATED')) this.setToken(null)
    return body
  }

  private setToken(token: string | null) {
    this.token = token
    if (token) sessionStorage.setItem(TOKEN_KEY, token)
    else sessionStorage.removeItem(TOKEN_KEY)
  }
}

const bridge = typeof window === 'undefined' ? undefined : window.rapidcare
export const isElectron = !!bridge

let current: Transport | null = null

/** The transport in use: Electron's bridge when present, else browser mode's HTTP. */
export function transport(): Transport {
  return (current ??= bridge ? new ElectronTransport() : new HttpTransport())
}

/** Carry calls another way: the store tests put an in-memory transport to the real dispatcher here. */
export function useTransport(t: Transport): void {
  current = t
}

/** Browser mode's session token (null in Electron, where main keeps it). */
export function bearerToken(): string | null {
  const t = transport()
  return t instanceof HttpTransport ? t.bearer() : null
}

let onSessionEnded: (() => void) | null = null

/** Called when a signed-in call finds the session gone (timed out, or the account was deactivated). */
export function whenSessionEnds(listener: () => void): void {
  onSessionEnded = listener
}

export async function call<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
): Promise<ChannelResult<K>> {
  const envelope = await transport().send(channel, input)
  if (envelope.ok) return envelope.value as ChannelResult<K>
  if (envelope.error.code === 'UNAUTHENTICATED' && !channel.startsWith('auth.')) onSessionEnded?.()
  // In the user's language (shared/locale/display.ts), the field still named; English as main wrote it.
  if (isErrorBody(envelope.error)) throw DeskError.fromBody(localiseError(envelope.error))
  throw DeskError.fromBody(
    localiseError({ code: 'INTERNAL', message: 'Unexpected answer from the desk service.' }),
  )
}

/** Any thrown thing as a DeskError, for display. */
export function asDeskError(err: unknown): DeskError {
  if (err instanceof DeskError) return err
  return new DeskError('INTERNAL', err instanceof Error ? err.message : String(err))
}
