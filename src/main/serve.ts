/**
 * Browser mode: the whole desk on a loopback HTTP server, for machines without the Electron runtime
 * (and for the end-to-end tests). `npm run serve -- --db PATH --port N`.
 */
import path from 'node:path'
import { clientInfo, openDesk } from './app'
import { parseArgs, stringFlag, UserError } from './args'
import { keyForDatabase, notEncryptedNotice, recoveryCodeNotice, resolveKeyFile } from './db/key'
import { resolveDbPath } from './db/paths'
import { startHttpServer } from './ipc/http'
import { startAutomaticBackups } from './services/backupSchedule'
import { DeskError } from '../shared/errors'

export function rendererDir(): string {
  if (process.env.RAPIDCARE_RENDERER_DIR) return process.env.RAPIDCARE_RENDERER_DIR
  // Built: out/main/serve.js → out/renderer. From source (tsx): src/main → out/renderer.
  const here = typeof __dirname === 'string' ? __dirname : process.cwd()
  return here.includes(`${path.sep}out${path.sep}`) || here.endsWith(`${path.sep}out${path.sep}main`)
    ? path.resolve(here, '..', 'renderer')
    : path.resolve(here, '..', '..', 'out', 'renderer')
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['db', 'port', 'key-file'])
  const portText = stringFlag(args, 'port') ?? process.env.PORT ?? '0'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port must be 0–65535, not ${portText}`)
  const dbPath = resolveDbPath(stringFlag(args, 'db'))
  const keyFile = resolveKeyFile(stringFlag(args, 'key-file'))
  const { key, created } = keyForDatabase(dbPath, keyFile)
  const desk = openDesk({ dbPath, key })
  if (key && created) for (const line of recoveryCodeNotice(keyFile!, key)) console.log(line)
  const running = await startHttpServer({ dispatcher: desk.dispatcher, staticDir: rendererDir(), port })
  console.log(`Listening on ${running.url}`)
  console.log(`Database: ${dbPath}`)
  if (!key) console.log(notEncryptedNotice(dbPath))
  const automaticBackups = startAutomaticBackups({
    dbPath,
    live: desk.live,
    now: () => new Date(),
    app: desk.app,
    client: clientInfo(),
  })
  let closing = false
  const shutdown = () => {
    if (closing) return
    closing = true
    automaticBackups.stop()
    void running.close().then(() => {
      desk.close()
      process.exit(0)
    })
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    if (err instanceof UserError || err instanceof DeskError) {
      console.error(err.message)
      process.exit(1)
    }
    console.error(err)
    process.exit(2)
  })
}
