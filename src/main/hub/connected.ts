/**
 * A desk joined to a hub answers its own `hub.*` channels: how this desk is joined is its own
 * business, never the hub's (a `hub.connect` forwarded to the hub would ask the hub to join
 * something). The hub still says who is signed in: only its administrator, at this desk's own
 * window, sees or changes how this desk is joined.
 */
import { contract, type ChannelName } from '../../shared/contract'
import { DeskError, type Envelope } from '../../shared/errors'
import { validationDetails, type Dispatcher } from '../ipc/dispatcher'
import type { HubControl } from './control'

const LOCAL: ReadonlySet<string> = new Set<ChannelName>([
  'hub.status',
  'hub.share',
  'hub.unshare',
  'hub.connect',
  'hub.disconnect',
])

export function withLocalHubChannels(remote: Dispatcher, control: HubControl): Dispatcher {
  async function local(channel: string, input: unknown, token: string | null, caller?: string) {
    const parsed = contract[channel as ChannelName].input.safeParse(input === undefined ? {} : input)
    if (!parsed.success) {
      const { message, details } = validationDetails(parsed.error)
      throw new DeskError('VALIDATION', message, details)
    }
    const me = await remote.call('auth.me', {}, token, caller)
    if (!me.ok) return me
    const role = (me.value as { role: string }).role
    if (role !== 'admin') throw new DeskError('FORBIDDEN', `Your role (${role}) may not use ${channel}.`)
    if (caller !== 'window')
      throw new DeskError('FORBIDDEN', 'Only the desk’s own window may change how it is shared or joined.')
    const value = parsed.data as never
    if (channel === 'hub.status') return control.status()
    if (channel === 'hub.share') return control.share(value)
    if (channel === 'hub.unshare') return control.unshare()
    if (channel === 'hub.connect') return control.connect(value)
    return control.disconnect()
  }
  return {
    sessions: remote.sessions,
    async call(channel, input, token, caller) {
      if (!LOCAL.has(channel)) return remote.call(channel, input, token, caller)
      try {
        const value = await local(channel, input, token, caller)
        if (value && typeof value === 'object' && 'ok' in value) return value as Envelope<unknown>
        return { ok: true, value }
      } catch (err) {
        if (err instanceof DeskError) return { ok: false, error: err.toBody() }
        throw err
      }
    },
  }
}
