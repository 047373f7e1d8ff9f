import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers'
import { HUB_CONFIG_FILE, readHubConfig, writeHubConfig } from './config'
import { hubAddress } from './pinned'

const FP = 'E4:35:79:5D:D2:A2:F0:C0:DE:D7:39:DA:FA:0D:AA:06:46:99:16:FF:4E:56:C6:5F:80:FB:CC:EC:D1:1D:9D:E3'

it('a desk without hub.json is on its own; with one it joins that hub; anything else is refused in words', () => {
  const file = path.join(tempDir(), HUB_CONFIG_FILE)
  expect(readHubConfig(file)).toBeNull()
  writeHubConfig(file, hubAddress('https://desk-1.hospital.lan:8443/', FP.toLowerCase()))
  const hub = readHubConfig(file)!
  expect(hub.url.origin).toBe('https://desk-1.hospital.lan:8443')
  expect(hub.fingerprint).toBe(FP)
  fs.writeFileSync(file, '{ "url": "http://desk-1.hospital.lan:8443", "fingerprint": "' + FP + '" }')
  expect(() => readHubConfig(file)).toThrow(/HTTPS only/)
  fs.writeFileSync(file, '{ "url": "https://desk-1.hospital.lan:8443", "fingerprint": "AA:BB" }')
  expect(() => readHubConfig(file)).toThrow(/64 hex digits/)
  fs.writeFileSync(file, 'not json')
  expect(() => readHubConfig(file)).toThrow(/not JSON/)
})
