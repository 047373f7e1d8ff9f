import { UserError } from '../args'
import { clientInfo } from '../app'
import { adoptFile } from '../services/adopt'
import type { AdoptReport } from '../../shared/contract/adopt'
import type { CliCommand } from './types'

/** The report, for a person reading a terminal: what was kept, converted, rounded and fixed. */
export function formatAdoptReport(r: AdoptReport): string[] {
  const lines = [
    `Backed up ${r.source} to ${r.backupPath}`,
    `Adopted into ${r.databasePath} (schema version ${r.schemaVersion}); the back-end had run ${r.legacyMigrations.length} migrations, last ${r.legacyMigrations.at(-1) ?? 'none'}.`,
    '',
    'Rows (legacy → adopted):',
    ...r.tables.map((t) => {
      const note =
        t.adoptedRows !== t.legacyRows ? `  (+${t.adoptedRows - t.legacyRows} added by the desk)` : ''
      return `  ${t.table.padEnd(24)} ${String(t.legacyRows).padStart(7)} → ${String(t.adoptedRows).padStart(7)}${note}`
    }),
    '',
    'Amounts scaled to integers (money in paisa; emergencyMultiplier in hundredths):',
    ...r.money.map(
      (m) =>
        `  ${`${m.table}.${m.column}`.padEnd(40)} ${String(m.amounts).padStart(6)} amounts, sum ${m.legacySum.toFixed(2).padStart(14)} → ${String(m.paisaSum).padStart(14)}`,
    ),
  ]
  if (r.inexact.length) {
    lines.push(
      '',
      `${r.inexact.length} amount(s) were not a whole number of paisa; rounded half away from zero:`,
    )
    for (const x of r.inexact) lines.push(`  ${x.table} #${x.id} ${x.column}: ${x.legacyValue} → ${x.paisa}`)
  } else {
    lines.push('', 'Every amount was a whole number of paisa: converted exactly.')
  }
  if (r.resourceFixes.length) {
    lines.push('', 'Resource counts made to hold available + occupied + reserved + maintenance = total:')
    for (const f of r.resourceFixes) lines.push(`  hospital ${f.hospitalId} ${f.resourceType}: ${f.message}`)
  }
  lines.push('', `${r.timestampsNormalised} SQLite timestamps rewritten as ISO 8601 (UTC, same instant).`)
  return lines
}

export const adoptCommands: Record<string, CliCommand> = {
  adopt: {
    usage:
      'adopt LEGACY.sqlite          adopt a RapidCare back-end database (v1.10) into the desk database; --db LEGACY converts it in place',
    flags: [],
    run(args, dbPath, ctx) {
      const [legacy, ...extra] = args.positionals
      if (!legacy) throw new UserError('Which file? Usage: npm run cli -- adopt LEGACY.sqlite [--db PATH]')
      if (extra.length) throw new UserError(`adopt takes one file, not ${args.positionals.length}.`)
      const report = adoptFile(legacy, dbPath, { now: new Date(), client: clientInfo(), key: ctx.key() })
      for (const line of formatAdoptReport(report)) console.log(line)
    },
  },
}
