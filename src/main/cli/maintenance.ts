import { formatBytes } from '../../shared/contract/backup'
import {
  MAINTENANCE_TASKS,
  type MaintenanceResult,
  type MaintenanceTask,
} from '../../shared/contract/maintenance'
import { stringFlag, UserError } from '../args'
import { openDatabase } from '../db/open'
import { maintenanceReport, runMaintenance, type MaintenanceDeps } from '../services/maintenance'
import { assertDatabaseExists } from './backup'
import type { CliCommand, CliContext } from './types'

async function withDeps<T>(
  dbPath: string,
  ctx: CliContext,
  fn: (deps: MaintenanceDeps) => Promise<T> | T,
): Promise<T> {
  assertDatabaseExists(dbPath)
  const key = ctx.key()
  const db = openDatabase(dbPath, { create: false, key })
  try {
    return await fn({ db, dbPath, live: null, now: () => new Date(), key })
  } finally {
    db.close()
  }
}

function printResult(result: MaintenanceResult): void {
  switch (result.task) {
    case 'integrity':
      console.log(`Integrity check: ${result.integrity.join('; ')}`)
      console.log(`Foreign key violations: ${result.foreignKeyViolations}`)
      console.log(`Resource invariant violations: ${result.invariantViolations}`)
      console.log(
        `Audit trail: ${result.audit.checked} resources, ${result.audit.replayed} rows replayed, ${result.audit.problems} problem(s)`,
      )
      for (const p of result.problems) console.log(`  ${p}`)
      if (!result.ok) throw new UserError(`${result.problems.length} problem(s) found.`)
      console.log('No problems found.')
      return
    case 'vacuum':
      console.log(
        `Vacuumed: ${formatBytes(result.bytesBefore)} → ${formatBytes(result.bytesAfter)} (freed ${formatBytes(result.freedBytes)})`,
      )
      return
    case 'cleanup':
      for (const i of result.items) console.log(`${String(i.count).padStart(8)}  ${i.label}. ${i.action}`)
      console.log(result.applied ? 'Cleanup done.' : 'Nothing was changed. Run again with --yes to clean up.')
      return
    default:
      console.log(result.summary)
  }
}

export const maintenanceCommands: Record<string, CliCommand> = {
  check: {
    usage: 'check                       integrity, foreign keys, the resource invariant and the audit trail',
    flags: [],
    run: (_args, dbPath, ctx) =>
      withDeps(dbPath, ctx, async (deps) => printResult(await runMaintenance(deps, 'integrity'))),
  },
  maintenance: {
    usage: `maintenance [--run TASK] [--yes]  the report, or run ${MAINTENANCE_TASKS.join('|')}`,
    flags: ['run', 'yes'],
    run: (args, dbPath, ctx) =>
      withDeps(dbPath, ctx, async (deps) => {
        const task = stringFlag(args, 'run')
        if (task !== undefined) {
          if (!(MAINTENANCE_TASKS as readonly string[]).includes(task))
            throw new UserError(`--run must be one of ${MAINTENANCE_TASKS.join(', ')}, not "${task}"`)
          printResult(
            await runMaintenance(deps, task as MaintenanceTask, { confirm: args.flags.yes === true }),
          )
          return
        }
        const r = maintenanceReport(deps)
        console.log(`Database        ${r.databasePath}`)
        console.log(`Encrypted       ${r.encrypted ? 'yes (SQLCipher)' : 'no: stored in plain text'}`)
        console.log(`Size            ${formatBytes(r.databaseBytes)} (WAL ${formatBytes(r.walBytes)})`)
        console.log(`Pages           ${r.pageCount} pages of ${r.pageSize} bytes, ${r.freePages} free`)
        console.log(`Schema version  ${r.schemaVersion}`)
        console.log(`Last backup     ${r.lastBackup ? `${r.lastBackup.at}  ${r.lastBackup.path}` : 'never'}`)
        const ic = r.lastIntegrityCheck
        console.log(
          `Last integrity  ${ic ? `${ic.at}  ${ic.ok ? 'ok' : `${ic.problems.length} problem(s)`}` : 'never'}`,
        )
        console.log('Rows')
        for (const t of r.tables) console.log(`  ${t.name.padEnd(28)}${String(t.rows).padStart(10)}`)
        console.log('Housekeeping')
        for (const h of r.housekeeping) console.log(`  ${String(h.count).padStart(8)}  ${h.label}`)
      }),
  },
}
