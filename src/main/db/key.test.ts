import fs from 'node:fs'
import path from 'node:path'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers'
import {
  createKeyFile,
  DatabaseKey,
  keyForDatabase,
  keyFromRecoveryCode,
  readKeyFile,
  resolveKeyFile,
} from './key'

describe('the recovery code', () => {
  it('is 14 groups of four, and reads back as typed from paper', () => {
    const key = DatabaseKey.generate()
    const code = key.recoveryCode()
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(keyFromRecoveryCode(code).equals(key)).toBe(true)
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')
    expect(keyFromRecoveryCode(sloppy).equals(key)).toBe(true)
  })

  it('tells a typing mistake from a code of the wrong shape', () => {
    const code = DatabaseKey.generate().recoveryCode()
    const typo = (code[0] === 'A' ? 'B' : 'A') + code.slice(1)
    expect(() => keyFromRecoveryCode(typo)).toThrow(/typing mistake/)
    expect(() => keyFromRecoveryCode(code.slice(5))).toThrow(/56 letters and digits/)
  })
})

describe('the key', () => {
  it('never prints itself: not in a log line, JSON, inspect or an error', () => {
    const key = DatabaseKey.generate()
    const hex = key.bytes().toString('hex')
    const shown = [
      String(key),
      `${key}`,
      JSON.stringify({ key }),
      inspect({ app: { databaseKey: key } }, { depth: 5 }),
      new Error(`failed with ${key}`).message,
    ]
    for (const text of shown) {
      expect(text).toContain('[database key]')
      expect(text).not.toContain(hex)
      expect(text).not.toContain(key.recoveryCode())
    }
  })
})

describe('key files', () => {
  it('are made readable by their owner only, never over an existing file, and read back', () => {
    const file = path.join(tempDir(), 'sub', 'desk.key')
    const key = DatabaseKey.generate()
    createKeyFile(file, key)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(readKeyFile(file).equals(key)).toBe(true)
    const before = fs.readFileSync(file)
    expect(() => createKeyFile(file, DatabaseKey.generate())).toThrow(/already exists/)
    expect(fs.readFileSync(file)).toEqual(before)
  })

  it('are refused in words when missing or not holding a key', () => {
    const dir = tempDir()
    expect(() => readKeyFile(path.join(dir, 'none.key'))).toThrow(
      /does not exist: give the database's key file/,
    )
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'remember the milk\n')
    expect(() => readKeyFile(path.join(dir, 'notes.txt'))).toThrow(/does not hold a RapidCare key/)
  })

  it('come from --key-file, else RAPIDCARE_KEY_FILE; a new database gets a new one, an existing one never', () => {
    expect(resolveKeyFile(undefined, {})).toBeNull()
    expect(resolveKeyFile(undefined, { RAPIDCARE_KEY_FILE: '/k/env.key' })).toBe('/k/env.key')
    expect(resolveKeyFile('/k/flag.key', { RAPIDCARE_KEY_FILE: '/k/env.key' })).toBe('/k/flag.key')
    const dir = tempDir()
    const made = keyForDatabase(path.join(dir, 'new.sqlite'), path.join(dir, 'new.key'))
    expect(made.created).toBe(true)
    expect(readKeyFile(path.join(dir, 'new.key')).equals(made.key!)).toBe(true)
    fs.writeFileSync(path.join(dir, 'old.sqlite'), Buffer.alloc(4096, 7))
    expect(() => keyForDatabase(path.join(dir, 'old.sqlite'), path.join(dir, 'old.key'))).toThrow(
      /does not exist/,
    )
    expect(fs.existsSync(path.join(dir, 'old.key'))).toBe(false)
  })
})
