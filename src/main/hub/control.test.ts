/**
 * Settings → Share this desk / Connect to the hospital's desk, without Electron: a real desk shared
 * over HTTPS in this process, a second desk joining it by really connecting (fingerprint pinned),
 * and what is refused — a wrong fingerprint, plain HTTP, nothing listening, anyone but an admin at
 * the desk's own window.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { addHospital, addStaff } from '../../../test/bookingFixtures'
import { makeDesk, tempDir, type TestDesk } from '../../../test/helpers'
import { HUB_CONFIG_FILE, readHubConfig } from './config'
import { withLocalHubChannels } from './connected'
import { DeskHubControl, SHARE_FILE } from './control'
import { hubAddress, PinnedClient } from './pinned'
import { createRemoteDispatcher } from './remote'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function deskWithControl(): {
  desk: TestDesk
  control: DeskHubControl
  userData: string
  restarts: number[]
} {
  const desk = makeDesk()
  const userData = tempDir()
  const restarts: number[] = []
  const control = new DeskHubControl({
    userData,
    desk,
    connected: null,
    staticDir: userData,
    restart: () => restarts.push(Date.now()),
    timeoutMs: 2000,
  })
  desk.app.hubControl = control
  cleanups.push(
    () => desk.close(),
    () => control.close(),
  )
  return { desk, control, userData, restarts }
}

/** A port nothing listens on now (the schema takes 1024–65535, as a person would type one). */
async function freePort(): Promise<number> {
  const probe = http.createServer()
  await new Promise<void>((r) => probe.listen(0, '0.0.0.0', r))
  const { port } = probe.address() as AddressInfo
  await new Promise((r) => probe.close(r))
  return port
}

/** The hub's own loopback address: nothing in these tests talks to any other. */
const loopback = (url: string) => `https://127.0.0.1:${new URL(url).port}`

async function sharedHub() {
  const hub = deskWithControl()
  const admin = await hub.desk.adminToken()
  const port = await freePort()
  const status = await hub.desk.dispatcher.call('hub.share', { port }, admin, 'window')
  if (!status.ok) throw new Error(status.error.message)
  const { url, fingerprint } = status.value as { url: string; fingerprint: string }
  return { ...hub, admin, url, fingerprint, port, address: loopback(url) }
}

describe('Share this desk on the hospital network', () => {
  it('serves the desk over HTTPS with its certificate beside the database, shows address and fingerprint, and stops', async () => {
    const hub = await sharedHub()
    expect(hub.url).toMatch(/^https:\/\/.+:\d+$/)
    expect(hub.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(await hub.desk.dispatcher.call('hub.status', {}, hub.admin, 'window')).toMatchObject({
      ok: true,
      value: {
        mode: 'hub',
        control: true,
        url: hub.url,
        fingerprint: hub.fingerprint,
        sharing: { port: hub.port, hostName: null },
      },
    })
    expect(fs.existsSync(`${hub.desk.dbPath}.hub-cert.pem`)).toBe(true)
    expect(fs.existsSync(path.join(hub.userData, SHARE_FILE))).toBe(true)

    // Another desk pinning that fingerprint signs in and works on this desk's data.
    const client = new PinnedClient(hubAddress(hub.address, hub.fingerprint))
    cleanups.push(() => client.close())
    const remote = createRemoteDispatcher({ client })
    const login = await remote.call(
      'auth.login',
      { email: 'admin@rapidcare.test', password: 'correct-horse-42' },
      null,
    )
    expect(login.ok).toBe(true)

    expect(await hub.desk.dispatcher.call('hub.unshare', {}, hub.admin, 'window')).toMatchObject({
      ok: true,
      value: { mode: 'own', url: null },
    })
    expect(fs.existsSync(path.join(hub.userData, SHARE_FILE))).toBe(false)
    const after = await remote.call('auth.status', {}, null)
    expect(after).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not answering/) } })
  })

  it('is the admin’s, at the desk’s own window only; a port in use is named; browser mode has nothing to control', async () => {
    const hub = await sharedHub()
    const h = addHospital(hub.desk, { name: 'Dhaka Medical College Hospital' })
    const reception = await addStaff(hub.desk, 'user', h)
    const share = (token: string | null, caller = 'window', port = hub.port) =>
      hub.desk.dispatcher.call('hub.share', { port }, token, caller)
    expect(await share(reception.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await share(null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    // Seen from a browser on the network: the address and fingerprint, without the controls.
    expect(await hub.desk.dispatcher.call('hub.status', {}, hub.admin, '192.168.1.20')).toMatchObject({
      ok: true,
      value: { mode: 'hub', url: hub.url, fingerprint: hub.fingerprint, control: false, sharing: null },
    })
    // An admin signed in from a browser on the network cannot stop or move the hub under every desk.
    expect(await hub.desk.dispatcher.call('hub.unshare', {}, hub.admin, '192.168.1.20')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await share(hub.admin, 'window', 80)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { field: 'port' } },
    })
    const taken = http.createServer()
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r))
    cleanups.push(() => new Promise((r) => taken.close(r)))
    const busy = (taken.address() as AddressInfo).port
    if (busy >= 1024) {
      // Listening on every interface, the port another program holds on loopback is in use.
      const refused = await share(hub.admin, 'window', busy)
      expect(refused).toMatchObject({ ok: false, error: { details: { field: 'port' } } })
    }

    const plain = makeDesk()
    cleanups.push(() => plain.close())
    const admin = await plain.adminToken()
    expect(await plain.call('hub.status', {}, admin)).toEqual({
      url: null,
      fingerprint: null,
      mode: 'own',
      control: false,
      sharing: null,
      connectedTo: null,
    })
    expect(await plain.raw('hub.share', { port: 8443 }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/RapidCare Desk application/) },
    })
  })

  it('shares again after a restart of the desk', async () => {
    const hub = await sharedHub()
    await hub.control.close()
    const again = new DeskHubControl({
      userData: hub.userData,
      desk: hub.desk,
      connected: null,
      staticDir: hub.userData,
      restart: () => {},
    })
    cleanups.push(() => again.close())
    expect(await again.resume()).toBeNull()
    expect(again.status()).toMatchObject({ mode: 'hub', fingerprint: hub.fingerprint })
  })
})

describe('Connect to the hospital’s desk', () => {
  it('at first run: checked by really connecting with the fingerprint pinned, then hub.json and a restart', async () => {
    const hub = await sharedHub()
    const desk = deskWithControl()
    const connect = (url: string, fingerprint: string) =>
      desk.desk.dispatcher.call('hub.connect', { url, fingerprint }, null, 'window')

    const wrong = hub.fingerprint.replace(/^../, hub.fingerprint.startsWith('00') ? '11' : '00')
    expect(await connect(hub.address, wrong)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { field: 'fingerprint' } },
    })
    expect(await connect(hub.address, 'AB:CD')).toMatchObject({
      ok: false,
      error: { details: { field: 'fingerprint' } },
    })
    expect(await connect('ftp://desk-1', hub.fingerprint)).toMatchObject({
      ok: false,
      error: { details: { field: 'url' } },
    })

    const plain = http.createServer((_req, res) => res.end('{}'))
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r))
    cleanups.push(() => new Promise((r) => plain.close(r)))
    const plainPort = (plain.address() as AddressInfo).port
    const http1 = await connect(`https://127.0.0.1:${plainPort}`, hub.fingerprint)
    expect(http1).toMatchObject({ ok: false, error: { details: { field: 'url' } } })
    expect(http1.ok === false && http1.error.message).toMatch(/does not speak HTTPS|did not answer/)

    await new Promise((r) => plain.close(r))
    const nobody = await connect(`https://127.0.0.1:${plainPort}`, hub.fingerprint)
    expect(nobody.ok === false && nobody.error.message).toMatch(/nothing answers on that port/)
    // Nothing was written, nothing restarted.
    expect(fs.existsSync(path.join(desk.userData, HUB_CONFIG_FILE))).toBe(false)
    expect(desk.restarts).toEqual([])

    // Typed as a person would: no scheme, the fingerprint in lower case with spaces.
    const typed = hub.fingerprint.toLowerCase().replace(/:/g, ' ')
    expect(await connect(hub.address.replace('https://', ''), typed)).toEqual({
      ok: true,
      value: { restarting: true, host: new URL(hub.address).host },
    })
    expect(readHubConfig(path.join(desk.userData, HUB_CONFIG_FILE))).toEqual(
      hubAddress(hub.address, hub.fingerprint),
    )
    expect(desk.restarts).toHaveLength(1)
  })

  it('once the desk has an administrator, only that administrator moves it, and never a hub that is shared', async () => {
    const hub = await sharedHub()
    const desk = deskWithControl()
    const admin = await desk.desk.adminToken()
    const reception = await addStaff(desk.desk, 'user', addHospital(desk.desk, { name: 'Square Hospital' }))
    const input = { url: hub.address, fingerprint: hub.fingerprint }
    const connect = (token: string | null) => desk.desk.dispatcher.call('hub.connect', input, token, 'window')
    expect(await connect(null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await connect(reception.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await hub.desk.dispatcher.call('hub.connect', input, hub.admin, 'window')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/stop sharing it first/) },
    })
    expect(await connect(admin)).toMatchObject({ ok: true })
  })

  it('a joined desk answers its own hub channels: the hub’s admin sees where it is joined, and leaves', async () => {
    const hub = await sharedHub()
    const userData = tempDir()
    const address = hubAddress(hub.address, hub.fingerprint)
    fs.writeFileSync(path.join(userData, HUB_CONFIG_FILE), '{}')
    const restarts: number[] = []
    const control = new DeskHubControl({
      userData,
      desk: null,
      connected: address,
      staticDir: userData,
      restart: () => restarts.push(1),
    })
    const client = new PinnedClient(address)
    cleanups.push(() => client.close())
    const joined = withLocalHubChannels(createRemoteDispatcher({ client }), control)
    const h = addHospital(hub.desk, { name: 'Dhaka Medical College Hospital' })
    const reception = await addStaff(hub.desk, 'user', h)
    const login = await joined.call(
      'auth.login',
      { email: 'admin@rapidcare.test', password: 'correct-horse-42' },
      null,
    )
    const token = (login as { value: { token: string } }).value.token

    expect(await joined.call('hub.status', {}, token, 'window')).toEqual({
      ok: true,
      value: {
        url: null,
        fingerprint: null,
        mode: 'connected',
        control: true,
        sharing: null,
        connectedTo: { url: hub.address, fingerprint: hub.fingerprint },
      },
    })
    expect(await joined.call('hub.status', {}, reception.token, 'window')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await joined.call('hub.share', { port: 9443 }, token, 'window')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await joined.call('hub.share', { port: 1 }, token, 'window')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { field: 'port' } },
    })
    // The hub itself was not asked to do anything: it is still shared.
    expect(hub.control.status().mode).toBe('hub')
    expect(await joined.call('hub.disconnect', {}, token, 'window')).toEqual({
      ok: true,
      value: { restarting: true },
    })
    expect(fs.existsSync(path.join(userData, HUB_CONFIG_FILE))).toBe(false)
    expect(restarts).toHaveLength(1)
  })
})
