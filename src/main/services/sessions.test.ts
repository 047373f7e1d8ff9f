/** Sessions outlive a restart of the desk (migration 007), and the file holds no usable token. */
import { afterEach, expect, it } from 'vitest'
import { openDesk, type DeskCore } from '../app'
import { makeDesk, type TestDesk } from '../../../test/helpers'

let open: (DeskCore | TestDesk)[] = []
afterEach(() => {
  for (const d of open) d.close()
  open = []
})

it('a session survives a restart of the desk; signing out ends it there too', async () => {
  const first = makeDesk()
  open.push(first)
  const token = await first.adminToken()
  const stored = first.db.prepare('SELECT tokenHash FROM sessions').pluck().all() as string[]
  expect(stored).toHaveLength(1)
  expect(stored[0]).not.toContain(token)
  expect(stored[0]).toMatch(/^[0-9a-f]{64}$/)
  first.close()
  open = []

  const again = openDesk({ dbPath: first.dbPath, feedIntervalMs: 0, logError: () => {} })
  open.push(again)
  const me = await again.dispatcher.call('auth.me', {}, token)
  expect(me).toMatchObject({ ok: true, value: { email: 'admin@rapidcare.test' } })
  await again.dispatcher.call('auth.logout', {}, token)
  expect(again.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0)
  again.close()
  open = []

  const third = openDesk({ dbPath: first.dbPath, feedIntervalMs: 0, logError: () => {} })
  open.push(third)
  expect(await third.dispatcher.call('auth.me', {}, token)).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  })
})
