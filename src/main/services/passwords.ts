/**
 * Password hashing: scrypt from node:crypto with a per-user salt, compared in constant time.
 * Legacy RapidCare back-end hashes (bcrypt, `$2a$`/`$2b$`) are verified with bcryptjs so adopted
 * users keep their password; the caller re-hashes them with scrypt at that login.
 */
import crypto from 'node:crypto'
import bcrypt from 'bcryptjs'

const N = 16384
const R = 8
const P = 1
const KEYLEN = 32

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16)
  const hash = crypto.scryptSync(password, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 })
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`
}

export function isLegacyHash(stored: string): boolean {
  return /^\$2[aby]\$\d{2}\$/.test(stored)
}

export function verifyPassword(password: string, stored: string): boolean {
  if (isLegacyHash(stored)) return bcrypt.compareSync(password, stored)
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string]
  const expected = Buffer.from(hashB64, 'base64')
  const actual = crypto.scryptSync(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  })
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}
