import fs from 'node:fs'
import path from 'node:path'
import { formatBytes } from '../../shared/contract/backup'
import { stringFlag, UserError } from '../args'
import { clientInfo } from '../app'
import { APP_NAME } from '../db/paths'
import { exportBackup, restoreBackup, type BackupDeps } from '../services/backup'
import { APP_VERSION } from '../version'
import type { CliCommand } from './types'

export function cliDeps(dbPath: string): BackupDeps {
  return {
    dbPath,
    live: null,
    now: () => new Date(),
    app: { appName: APP_NAME, appVersion: APP_VERSION, databasePath: dbPath },
    client: clientInfo(),
  }
}

export function assertDatabaseExists(dbPath: string): void {
  if (!fs.existsSync(dbPath)) throw new UserError(`There is no database at ${dbPath}.`)
  if (fs.statSync(dbPath).isDirectory()) throw new UserError(`${dbPath} is a folder, not a database.`)
}

function rowsOf(tables: Record<string, number>): string {
  const pick = ['hospitals', 'users', 'bookings', 'transactions', 'blood_requests']
  return pick
    .filter((t) => t in tables)
    .map((t) => `${tables[t]} ${t.replace('_', ' ')}`)
    .join(', ')
}

export const backupCommands: Record<string, CliCommand> = {
  backup: {
    usage: 'backup [--out FILE]         a verified backup (default: the backups folder beside the database)',
    flags: ['out'],
    async run(args, dbPath) {
      assertDatabaseExists(dbPath)
      const out = stringFlag(args, 'out')
      const result = await exportBackup(cliDeps(dbPath), {
        kind: 'manual',
        outFile: out ? path.resolve(out) : undefined,
      })
      console.log(`Backup verified: ${result.path} (${formatBytes(result.sizeBytes)})`)
      console.log(`  ${rowsOf(result.manifest.tables)}; schema version ${result.manifest.schemaVersion}`)
      console.log(`  SHA-256 of the database: ${result.manifest.sha256}`)
    },
  },
  restore: {
    usage: 'restore FILE                verify FILE, keep the current database aside, then swap FILE in',
    flags: [],
    async run(args, dbPath) {
      const [file, ...extra] = args.positionals
      if (!file) throw new UserError('Which backup? Usage: npm run cli -- restore FILE [--db PATH]')
      if (extra.length) throw new UserError(`Unexpected argument "${extra[0]}"`)
      fs.mkdirSync(path.dirname(dbPath), { recursive: true })
      const result = await restoreBackup(cliDeps(dbPath), path.resolve(file))
      const b = result.backup
      console.log(`Restored ${dbPath} from ${path.resolve(file)}`)
      console.log(`  taken ${b.createdAt ?? 'at an unknown time (no manifest)'}; ${rowsOf(b.tables)}`)
      if (result.schemaVersionAfter !== result.schemaVersionBefore)
        console.log(
          `  migrated from schema version ${result.schemaVersionBefore} to ${result.schemaVersionAfter}`,
        )
      if (result.preRestorePath) console.log(`  the previous database is kept as ${result.preRestorePath}`)
    },
  },
}
