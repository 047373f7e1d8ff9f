import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const APP_NAME = 'RapidCare Desk'
export const DB_FILENAME = 'rapidcare.sqlite'

/** The Electron userData folder for this app, computed the way Electron does, for the CLI and serve. */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_NAME)
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_NAME)
}

/** `--db PATH` wins, then RAPIDCARE_DB, then the user-data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag)
  if (env.RAPIDCARE_DB) return path.resolve(env.RAPIDCARE_DB)
  return path.join(defaultUserDataDir(env), DB_FILENAME)
}

/**
 * Where the numbered SQL migrations live: beside the packaged app's resources, or found by walking
 * up from this module (source, tests and the built `out/main` all sit below the repository root).
 */
export function migrationsDir(): string {
  const fromEnv = process.env.RAPIDCARE_MIGRATIONS
  if (fromEnv) return fromEnv
  const resources = (process as { resourcesPath?: string }).resourcesPath
  if (resources && fs.existsSync(path.join(resources, 'migrations')))
    return path.join(resources, 'migrations')
  const starts = [typeof __dirname === 'string' ? __dirname : undefined, process.cwd()].filter(
    (s): s is string => !!s,
  )
  for (const start of starts) {
    let dir = start
    for (;;) {
      const candidate = path.join(dir, 'migrations')
      if (fs.existsSync(path.join(candidate, '001_initial_schema.sql'))) return candidate
      const parent = path.dirname(dir)
      if (parent === dir) break
      dir = parent
    }
  }
  throw new Error('The migrations folder was not found (set RAPIDCARE_MIGRATIONS)')
}
