/** Headless commands over the same services: `npm run cli -- <command> [--db PATH]`. */
import { parseArgs, stringFlag, UserError } from './args'
import { adoptCommands } from './cli/adopt'
import { backupCommands } from './cli/backup'
import { demoCommands } from './cli/demo'
import { maintenanceCommands } from './cli/maintenance'
import { migrateCommands } from './cli/migrate'
import { moneyCommands } from './cli/money'
import { keyCommands } from './cli/keys'
import type { CliCommand, CliContext } from './cli/types'
import { keyForDatabase, recoveryCodeNotice, resolveKeyFile, type DatabaseKey } from './db/key'
import { resolveDbPath } from './db/paths'
import { DeskError } from '../shared/errors'

export const commands: Record<string, CliCommand> = {
  ...migrateCommands,
  ...adoptCommands,
  ...moneyCommands,
  ...backupCommands,
  ...maintenanceCommands,
  ...demoCommands,
  ...keyCommands,
}

function help(): string {
  return [
    'Usage: npm run cli -- <command> [options] [--db PATH] [--key-file PATH]',
    '',
    ...Object.values(commands).map((c) => `  ${c.usage}`),
    '',
    "The database defaults to RAPIDCARE_DB, else the desk's user-data folder. An encrypted database",
    'needs its key file: --key-file PATH or RAPIDCARE_KEY_FILE (a new database is encrypted with it).',
  ].join('\n')
}

/** The key, read once when a command first asks; a key made for a new database is announced once. */
function cliContext(dbPath: string, keyFile: string | null): CliContext {
  let chosen: DatabaseKey | null | undefined
  return {
    keyFile,
    key() {
      if (chosen !== undefined) return chosen
      const { key, created } = keyForDatabase(dbPath, keyFile)
      if (key && created) for (const line of recoveryCodeNotice(keyFile!, key)) console.log(line)
      return (chosen = key)
    },
  }
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
    const args = parseArgs(rest, ['db', 'key-file', ...command.flags])
    const dbPath = resolveDbPath(stringFlag(args, 'db'))
    await command.run(args, dbPath, cliContext(dbPath, resolveKeyFile(stringFlag(args, 'key-file'))))
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
