import type { ParsedArgs } from '../args'

export interface CliCommand {
  /** One line shown by `help`. */
  usage: string
  /** Flags this command takes, besides --db. */
  flags: readonly string[]
  run(args: ParsedArgs, dbPath: string): Promise<void> | void
}
