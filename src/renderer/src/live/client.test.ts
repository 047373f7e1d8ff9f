/** The renderer's live client, without a browser: routing by area, the connection line's state, what is new. */
import { describe, expect, it } from 'vitest'
import type { ChangeEvent, LiveConnection } from '../../../shared/live'
import { LiveClient } from './client'
import { retryDelay } from './sse'
import { Novelty } from './novelty'

function fakeBridge() {
  let change: ((e: ChangeEvent) => void) | null = null
  let connection: ((c: LiveConnection) => void) | null = null
  return {
    push: (e: ChangeEvent) => change?.(e),
    link: (c: LiveConnection) => connection?.(c),
    bridge: {
      invoke: async () => null,
      onMenu: () => () => {},
      savePdf: async () => ({ saved: false as const, reason: '' }),
      onChange: (l: (e: ChangeEvent) => void) => {
        change = l
        return () => (change = null)
      },
      onConnection: (l: (c: LiveConnection) => void) => {
        connection = l
        return () => (connection = null)
      },
    } as unknown as Window['rapidcare'],
  }
}

describe('the live client', () => {
  it('tells each subscriber only of its areas, and nothing once stopped', () => {
    const b = fakeBridge()
    const live = new LiveClient({ token: () => null, onUnauthorised: () => {}, bridge: b.bridge })
    const heard: string[] = []
    live.on(['bookings'], () => heard.push('queue'))
    live.on(['resources', 'hospitals'], () => heard.push('board'))
    live.start()
    b.push({ seq: 1, areas: ['bookings', 'notifications'], hospitalIds: [3] })
    b.push({ seq: 2, areas: ['resources'], hospitalIds: [3] })
    b.push({ seq: 3, areas: ['wallet'], hospitalIds: [] })
    expect(heard).toEqual(['queue', 'board'])
    live.stop()
    b.push({ seq: 4, areas: ['bookings'], hospitalIds: [3] })
    expect(heard).toEqual(['queue', 'board'])
  })

  it('goes down with the hub, says since when and where, and on recovery has every screen read again', () => {
    const b = fakeBridge()
    const live = new LiveClient({ token: () => null, onUnauthorised: () => {}, bridge: b.bridge })
    const resets: ChangeEvent[] = []
    live.on(['payments'], (e) => resets.push(e))
    live.start()
    expect(live.state).toBe('connected')
    b.link({ state: 'down', since: '2026-11-29T14:02:00.000Z', host: 'desk-1.hospital.lan:8443' })
    expect(live.state).toBe('down')
    expect(live.host).toBe('desk-1.hospital.lan:8443')
    expect(live.downSince?.toISOString()).toBe('2026-11-29T14:02:00.000Z')
    b.link({ state: 'connected', host: 'desk-1.hospital.lan:8443' })
    expect(live.state).toBe('connected')
    expect(live.downSince).toBeNull()
    expect(resets).toEqual([expect.objectContaining({ reset: true })])
  })

  it('retries quickly at first, then every 4 s at most', () => {
    expect([0, 1, 2, 3, 10].map(retryDelay)).toEqual([500, 1000, 2000, 4000, 4000])
  })
})

describe('Novelty (what a toast is about)', () => {
  it('learns on the first look, then names only what was not there before', () => {
    const n = new Novelty()
    expect(n.fresh([{ id: 1 }, { id: 2 }])).toEqual([])
    expect(n.fresh([{ id: 3 }, { id: 1 }, { id: 2 }])).toEqual([{ id: 3 }])
    expect(n.fresh([{ id: 3 }])).toEqual([])
  })
})
