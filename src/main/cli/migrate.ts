import fs from 'node:fs'
import { openDatabase } from '../db/open'
import { loadMigrations, migrate, migrationStatus, schemaVersion, assertNotNewer } from '../db/migrate'
import type { CliCommand } from './types'

export const migrateCommands: Record<string, CliCommand> = {
  migrate: {
    usage: 'migrate [--status]          apply pending migrations (or list them with --status)',
    flags: ['status'],
    run(args, dbPath, ctx) {
      if (args.flags.status && !fs.existsSync(dbPath)) {
        // --status only looks: it does not create a database to look at.
        console.log(
          `There is no database at ${dbPath} yet; ${loadMigrations().length} migrations would be applied.`,
        )
        return
      }
      const db = openDatabase(dbPath, { key: ctx.key() })
      try {
        const migrations = loadMigrations()
        if (args.flags.status) {
          assertNotNewer(db, migrations)
          for (const s of migrationStatus(db, migrations)) {
            const state = s.applied ? `applied ${s.executedAt}` : 'pending'
            console.log(`${s.filename}  ${state}${s.edited ? '  EDITED SINCE APPLIED' : ''}`)
          }
          console.log(`Schema version ${schemaVersion(db)}; ${dbPath}`)
          return
        }
        const result = migrate(db, migrations)
        for (const f of result.applied) console.log(`Applied ${f}`)
        for (const f of result.edited) console.log(`Warning: ${f} was edited after it was applied`)
        console.log(
          result.applied.length
            ? `Database is at schema version ${result.version}.`
            : `Nothing to do: schema version ${result.version}.`,
        )
      } finally {
        db.close()
      }
    },
  },
}
