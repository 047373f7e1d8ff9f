/** A small, strict flag parser for the CLI and serve: unknown flags are user errors, not surprises. */
export interface ParsedArgs {
  positionals: string[]
  flags: Record<string, string | true>
}

export function parseArgs(argv: string[], known: readonly string[]): ParsedArgs {
  const positionals: string[] = []
  const flags: Record<string, string | true> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) {
      positionals.push(arg)
      continue
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined]
    if (!known.includes(name)) throw new UserError(`Unknown option --${name}`)
    if (inline !== undefined) flags[name] = inline
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags[name] = argv[++i]!
    else flags[name] = true
  }
  return { positionals, flags }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name]
  if (v === true) throw new UserError(`--${name} needs a value`)
  return v
}

/** A mistake of the person at the keyboard: printed as one line, exit code 1, no stack. */
export class UserError extends Error {}
