/**
 * Temporary files of backups and restores. Two desks (or a desk and the CLI) can work on one
 * database folder at the same moment, so a temporary name is never derived from the final name
 * alone: it carries the owning process id and a random tag (`<final>.<pid>-<tag>.partial`). Each
 * job then cleans only its own files, a sweep at start removes only what no live process owns,
 * and the final name is taken atomically (a hard link fails if the name exists), so two backups
 * finished in the same second never overwrite each other.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type TemporaryKind = 'partial' | 'snapshot-tmp' | 'verify-tmp'

/** `<file>.<pid>-<8 hex>.<kind>`: unique to this job, and naming the process that owns it. */
export function temporaryName(file: string, kind: TemporaryKind): string {
  return `${file}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.${kind}`
}

/** A restore's staging file beside the database: `<db>.restore-<stamp>-<pid>-<tag>.tmp`. */
export function stagingName(dbPath: string, stamp: string): string {
  return `${dbPath}.restore-${stamp}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`
}

const OWNED = /\.(\d+)-[0-9a-f]{8}\.(partial|snapshot-tmp|verify-tmp)(-wal|-shm|-journal)?$/
const OWNED_STAGING = /\.restore-\d{8}-\d{6}-(\d+)(?:-[0-9a-f]{8})?\.tmp(-wal|-shm|-journal)?$/

/** The process id a temporary file's name carries, or null for a name from an older version. */
export function temporaryOwner(name: string): number | null {
  const m = OWNED.exec(name) ?? OWNED_STAGING.exec(name)
  return m ? Number(m[1]) : null
}

/** Whether a process with this id exists (EPERM: it does, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Whether a temporary file is left over: its owner is gone. This process's own files may belong
 * to a job still running, and a name without an owner comes from an older version: those count as
 * left over only after an hour.
 */
export function isStale(
  name: string,
  ageMs: number,
  alive: (pid: number) => boolean = processAlive,
): boolean {
  const owner = temporaryOwner(name)
  if (owner === null || owner === process.pid) return ageMs > 3_600_000
  return !alive(owner)
}

/**
 * Give a finished file its final name without ever replacing another file there (unless asked):
 * `link` fails with EEXIST when the name is taken, where `rename` would silently overwrite. With
 * `nextFree`, a taken name becomes `name-2.sqlite.gz`, `-3`…; without, a taken name is refused.
 * Filesystems without hard links (FAT on a USB stick) fall back to check-then-rename.
 */
export function claimName(
  temporary: string,
  wanted: string,
  options: { overwrite?: boolean; nextFree?: boolean; suffix?: string } = {},
): string {
  if (options.overwrite) {
    fs.renameSync(temporary, wanted)
    return wanted
  }
  const suffix = options.suffix ?? ''
  const stem = suffix && wanted.endsWith(suffix) ? wanted.slice(0, -suffix.length) : wanted
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? wanted : `${stem}-${n}${suffix}`
    try {
      fs.linkSync(temporary, candidate)
      fs.rmSync(temporary, { force: true })
      return candidate
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'EEXIST') {
        if (!options.nextFree) throw err
        continue
      }
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err
      if (fs.existsSync(candidate)) {
        if (!options.nextFree) throw Object.assign(new Error(`${candidate} exists`), { code: 'EEXIST' })
        continue
      }
      fs.renameSync(temporary, candidate)
      return candidate
    }
  }
  throw new Error(`No free name for ${path.basename(wanted)}`)
}
