import { describe, expect, it } from 'vitest'
import type { ChangeEvent, LiveConnection } from '../../shared/live'
import { ChangeFeed } from '../live/feed'
import { addHospital } from '../../../test/bookingFixtures'
import { makeDesk } from '../../../test/helpers'
import { LIVE_CHANNEL, windowSubscriber } from './live'

function fakeWindow() {
  const sent: { channel: string; payload: ChangeEvent | LiveConnection }[] = []
  let destroyed = false
  return {
    sent,
    destroy: () => (destroyed = true),
    isDestroyed: () => destroyed,
    send: (channel: string, payload: ChangeEvent | LiveConnection) => sent.push({ channel, payload }),
  }
}

describe('live changes to the Electron window', () => {
  it('sends the window the events its signed-in page may see, nothing while signed out, and stops when it closes', () => {
    const desk = makeDesk()
    try {
      const feed = new ChangeFeed(() => desk.db)
      const win = fakeWindow()
      let scope: number | null | undefined = undefined
      feed.subscribe(windowSubscriber(win, () => scope))

      const a = addHospital(desk, { name: 'Dhaka Medical College Hospital' })
      feed.poke()
      expect(win.sent).toEqual([]) // signed out
      expect(feed.size).toBe(1)

      scope = a
      const b = addHospital(desk, { name: 'Chittagong General Hospital' })
      feed.poke()
      expect(win.sent).toEqual([]) // another hospital's news
      desk.db
        .prepare(
          'UPDATE hospital_resources SET total = total + 1, available = available + 1 WHERE hospitalId = ?',
        )
        .run(a)
      feed.poke()
      expect(win.sent).toEqual([
        { channel: LIVE_CHANNEL, payload: { seq: feed.lastSeq, areas: ['resources'], hospitalIds: [a] } },
      ])

      win.destroy()
      desk.db
        .prepare(
          'UPDATE hospital_resources SET total = total + 1, available = available + 1 WHERE hospitalId = ?',
        )
        .run(b)
      feed.poke()
      expect(feed.size).toBe(0)
    } finally {
      desk.close()
    }
  })
})
