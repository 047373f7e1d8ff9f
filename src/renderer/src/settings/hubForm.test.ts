import { expect, it } from 'vitest'
import { readPort } from './hubForm'

it('reads a port as typed, Bangla digits too, and names the field when it is not one', () => {
  expect(readPort(' 8443 ')).toEqual({ ok: true, port: 8443 })
  expect(readPort('৮৪৪৩')).toEqual({ ok: true, port: 8443 })
  for (const bad of ['', '80', '1023', '65536', '84 43', '8443.0', 'https']) {
    const read = readPort(bad)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.error.details?.field).toBe('port')
  }
  expect(readPort('1024')).toEqual({ ok: true, port: 1024 })
  expect(readPort('65535')).toEqual({ ok: true, port: 65535 })
})
