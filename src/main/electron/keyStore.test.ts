import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers'
import { openDatabase } from '../db/open'
import { desktopKey, keychainProtects, startupKey, wrappedKeyPath, type Keychain } from './keyStore'

/** The OS keychain: a secret of this "user account" that wraps and unwraps (AES-GCM). */
function keychain(
  options: { available?: boolean; backend?: ReturnType<Keychain['getSelectedStorageBackend']> } = {},
): Keychain {
  const secret = crypto.randomBytes(32)
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(text) {
      const iv = crypto.randomBytes(12)
      const c = crypto.createCipheriv('aes-256-gcm', secret, iv)
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()])
      return Buffer.concat([iv, c.getAuthTag(), body])
    },
    decryptString(data) {
      const d = crypto.createDecipheriv('aes-256-gcm', secret, data.subarray(0, 12))
      d.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8')
    },
  }
}

describe('the Electron desk key', () => {
  it('is made for a new database, kept only wrapped, and unwrapped at the next start', () => {
    const dbPath = path.join(tempDir(), 'rapidcare.sqlite')
    const chain = keychain()
    const first = desktopKey(dbPath, chain, 'linux')
    if (!first.encrypted) throw new Error('expected a key')
    expect(first.created).toBe(true)
    const wrapped = fs.readFileSync(wrappedKeyPath(dbPath))
    expect(wrapped.toString('latin1')).not.toContain(first.key.recoveryCode())
    expect(wrapped.includes(first.key.bytes())).toBe(false)
    expect(fs.statSync(wrappedKeyPath(dbPath)).mode & 0o077).toBe(0)
    openDatabase(dbPath, { key: first.key }).close()

    const again = desktopKey(dbPath, chain, 'linux')
    if (!again.encrypted) throw new Error('expected a key')
    expect(again.created).toBe(false)
    expect(again.key.equals(first.key)).toBe(true)
  })

  it('is refused in words by another account’s keychain, or a locked one', () => {
    const dbPath = path.join(tempDir(), 'rapidcare.sqlite')
    desktopKey(dbPath, keychain(), 'win32')
    expect(() => desktopKey(dbPath, keychain(), 'win32')).toThrow(/cannot be unlocked.*recovery code/)
    expect(() => desktopKey(dbPath, keychain({ available: false }), 'win32')).toThrow(
      /keychain is not available/,
    )
  })

  it('encrypts a plain database made before encryption, at the first start with a keychain', () => {
    const dir = tempDir()
    const dbPath = path.join(dir, 'rapidcare.sqlite')
    const plain = openDatabase(dbPath)
    plain.exec(`CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('Rahima Begum রহিমা')`)
    plain.close()
    const chain = keychain()
    const made = desktopKey(dbPath, chain, 'darwin')
    if (!made.encrypted) throw new Error('expected a key')
    expect(made.created).toBe(true)
    expect(fs.readFileSync(dbPath).includes(Buffer.from('Rahima'))).toBe(false)
    const db = openDatabase(dbPath, { key: made.key })
    expect(db.prepare('SELECT name FROM patients').pluck().get()).toBe('Rahima Begum রহিমা')
    db.close()
    // A start stopped after the key was stored and before the file was encrypted finishes the job.
    const other = path.join(dir, 'other.sqlite')
    openDatabase(other).close()
    fs.copyFileSync(wrappedKeyPath(dbPath), wrappedKeyPath(other))
    const resumed = desktopKey(other, chain, 'darwin')
    expect(resumed.encrypted && resumed.key.equals(made.key)).toBe(true)
    openDatabase(other, { key: made.key }).close()
  })

  it('is not made where the keychain would not protect it', () => {
    const dir = tempDir()
    const weak = keychain({ backend: 'basic_text' })
    expect(keychainProtects(weak, 'linux')).toBe(false)
    expect(keychainProtects(weak, 'darwin')).toBe(true)
    expect(desktopKey(path.join(dir, 'a.sqlite'), weak, 'linux')).toMatchObject({ encrypted: false })
    expect(desktopKey(path.join(dir, 'b.sqlite'), keychain({ available: false }), 'darwin')).toMatchObject({
      encrypted: false,
    })
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('wrapped-key'))).toEqual([])
  })
})

describe('a key file named by RAPIDCARE_KEY_FILE', () => {
  it('wins over the keychain: the recovery code opens the desk on a new machine', () => {
    const dir = tempDir()
    const dbPath = path.join(dir, 'rapidcare.sqlite')
    const made = startupKey(dbPath, keychain(), { RAPIDCARE_KEY_FILE: path.join(dir, 'desk.key') })
    if (!made.encrypted) throw new Error('expected a key')
    expect(made.created).toBe(true)
    expect(fs.existsSync(wrappedKeyPath(dbPath))).toBe(false)
    const again = startupKey(dbPath, keychain(), { RAPIDCARE_KEY_FILE: path.join(dir, 'desk.key') })
    expect(again.encrypted && again.key.equals(made.key)).toBe(true)
  })
})
