import fs from 'node:fs'
import path from 'node:path'
import { formatBytes } from '../../shared/contract/backup'
import { stringFlag, UserError } from '../args'
import { clientInfo } from '../app'
import { readKeyFile, resolveKeyFile, type DatabaseKey } from '../db/key'
import { APP_NAME } from '../db/paths'
import { exportBackup, restoreBackup, type BackupDeps } from '../services/backup'
import { APP_VERSION } from '../version'
import type { CliCommand } from './types'

export function cliDeps(dbPath: string, key: DatabaseKey | null = null): BackupDeps {
  return {
    dbPath,
    live: null,
    now: () => new Date(),
    app: { appName: APP_NAME, appVersion: APP_VERSION, databasePath: dbPath, databaseKey: key },
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
    async run(args, dbPath, ctx) {
      assertDatabaseExists(dbPath)
      const out = stringFlag(args, 'out')
      const result = await exportBackup(cliDeps(dbPath, ctx.key()), {
        kind: 'manual',
        outFile: out ? path.resolve(out) : undefined,
      })
      console.log(`Backup verified: ${result.path} (${formatBytes(result.sizeBytes)})`)
      console.log(`  ${rowsOf(result.manifest.tables)}; schema version ${result.manifest.schemaVersion}`)
      console.log(`  SHA-256 of the database: ${result.manifest.sha256}`)
      console.log(
        ctx.keyFile
          ? `  encrypted: it opens only with the key in ${ctx.keyFile} (or its recovery code)`
          : '  not encrypted: anyone holding this file can read it',
      )
    },
  },
  restore: {
    usage:
      "restore FILE [--backup-key-file K]  verify FILE, keep the current database aside, then swap FILE in (K: the backup's key, when not the database's)",
    flags: ['backup-key-file'],
    async run(args, dbPath, ctx) {
      const [file, ...extra] = args.positionals
      if (!file) throw new UserError('Which backup? Usage: npm run cli -- restore FILE [--db PATH]')
      if (extra.length) throw new UserError(`Unexpected argument "${extra[0]}"`)
      fs.mkdirSync(path.dirname(dbPath), { recursive: true })
      const backupKeyFile = resolveKeyFile(stringFlag(args, 'backup-key-file'), {})
      const backupKey = backupKeyFile ? readKeyFile(backupKeyFile) : null
      const result = await restoreBackup(cliDeps(dbPath, ctx.key()), path.resolve(file), { backupKey })
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
