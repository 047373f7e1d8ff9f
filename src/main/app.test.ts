/** The desk after close: a call that arrives late (a page still closing on quit) is refused, quietly. */
import path from 'node:path'
import { expect, it } from 'vitest'
import { openDesk } from './app'
import { tempDir } from '../../test/helpers'
import { en } from '../shared/i18n/areas/errors'

it('a call after close is refused as the desk closing, with nothing logged and nothing thrown', async () => {
  const logged: unknown[] = []
  const desk = openDesk({
    dbPath: path.join(tempDir(), 'desk.sqlite'),
    feedIntervalMs: 0,
    logError: (_channel, err) => logged.push(err),
  })
  expect(await desk.dispatcher.call('auth.status', {}, null)).toMatchObject({ ok: true })
  desk.close()

  // Electron's will-quit closes the database while the window's page may still be asking.
  const late = await desk.dispatcher.call('auth.status', {}, null)
  expect(late).toEqual({
    ok: false,
    error: {
      code: 'CONFLICT',
      message: en.message.closing,
      details: { i18n: { key: 'message.closing' } },
    },
  })
  expect(await desk.dispatcher.call('auth.login', { email: 'a@b.test', password: 'x' }, null)).toEqual(late)
  expect(logged).toEqual([])
})
