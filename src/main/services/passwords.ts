/**
 * Password hashing: scrypt from node:crypto with a per-user salt, compared in constant time.
 * Legacy RapidCare back-end hashes (bcrypt, `$2a$`/`$2b$`) are verified with bcryptjs so adopted
 * users keep their password; the caller re-hashes them with scrypt at that login.
 *
 * Hashing takes about 55 ms of CPU. The desk's calls run on main's one event loop, so the channels
 * hash off it (libuv's thread pool): ten people signing in at once must not stall every other
 * desk's request by half a second. The synchronous form is for the CLI's demo data and fixtures.
 */
import crypto from 'node:crypto'
import { promisify } from 'node:util'
import bcrypt from 'bcryptjs'

const N = 16384
const R = 8
const P = 1
const KEYLEN = 32
const MAXMEM = 64 * 1024 * 1024

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>

function encode(salt: Buffer, hash: Buffer): string {
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16)
  return encode(salt, await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM }))
}

/** On the calling thread: only for the CLI (demo data) and test fixtures, never a channel. */
export function hashPasswordSync(password: string): string {
  const salt = crypto.randomBytes(16)
  return encode(salt, crypto.scryptSync(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM }))
}

export function isLegacyHash(stored: string): boolean {
  return /^\$2[aby]\$\d{2}\$/.test(stored)
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (isLegacyHash(stored)) return bcrypt.compare(password, stored)
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string]
  const expected = Buffer.from(hashB64, 'base64')
  const actual = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  })
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}
