/** Headless commands over the same services: `npm run cli -- <command> [--db PATH]`. */
import { parseArgs, stringFlag, UserError } from './args'
import { adoptCommands } from './cli/adopt'
import { backupCommands } from './cli/backup'
import { demoCommands } from './cli/demo'
import { maintenanceCommands } from './cli/maintenance'
import { migrateCommands } from './cli/migrate'
import { moneyCommands } from './cli/money'
import type { CliCommand } from './cli/types'
import { resolveDbPath } from './db/paths'
import { DeskError } from '../shared/errors'

export const commands: Record<string, CliCommand> = {
  ...migrateCommands,
  ...adoptCommands,
  ...moneyCommands,
  ...backupCommands,
  ...maintenanceCommands,
  ...demoCommands,
}

function help(): string {
  return [
    'Usage: npm run cli -- <command> [options] [--db PATH]',
    '',
    ...Object.values(commands).map((c) => `  ${c.usage}`),
    '',
    "The database defaults to RAPIDCARE_DB, else the desk's user-data folder.",
  ].join('\n')
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help') {
    console.log(help())
    return 0
  }
  try {
    const command = commands[name]
    if (!command) throw new UserError(`Unknown command "${name}". Run \`npm run cli -- help\`.`)
    const args = parseArgs(rest, ['db', ...command.flags])
    await command.run(args, resolveDbPath(stringFlag(args, 'db')))
    return 0
  } catch (err) {
    if (err instanceof UserError || err instanceof DeskError) {
      console.error(err.message)
      return 1
    }
    console.error(err)
    return 2
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code))
}
