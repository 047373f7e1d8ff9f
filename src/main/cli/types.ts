import type { ParsedArgs } from '../args'
import type { DatabaseKey } from '../db/key'

/** What every command gets besides its flags: the key given by --key-file or RAPIDCARE_KEY_FILE. */
export interface CliContext {
  /** The key file named, or null: the database is not encrypted. */
  keyFile: string | null
  /** The key in the key file (read when asked: a command that needs none never reads it). */
  key(): DatabaseKey | null
}

export interface CliCommand {
  /** One line shown by `help`. */
  usage: string
  /** Flags this command takes, besides --db and --key-file. */
  flags: readonly string[]
  run(args: ParsedArgs, dbPath: string, ctx: CliContext): Promise<void> | void
}
