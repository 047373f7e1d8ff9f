/**
 * Browser mode: the whole desk on a loopback HTTP server, for machines without the Electron runtime
 * (and for the end-to-end tests). `npm run serve -- --db PATH --port N`.
 *
 * With `--lan [--host-name NAME] [--listen ADDRESS]` it is the hospital's hub: the same desk over
 * HTTPS on the machine's network interfaces, with a self-signed certificate kept beside the
 * database; the fingerprint it prints is what the other desks pin.
 */
import path from 'node:path'
import { clientInfo, openDesk } from './app'
import { parseArgs, stringFlag, UserError } from './args'
import { keyForDatabase, notEncryptedNotice, recoveryCodeNotice, resolveKeyFile } from './db/key'
import { resolveDbPath } from './db/paths'
import { startHttpServer, type HttpServerOptions } from './ipc/http'
import { loadOrCreateCertificate } from './hub/certificate'
import { allowedHostNames, hubNames } from './hub/names'
import { scopeForToken } from './live/scope'
import { adminExists } from './services/auth'
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
  const args = parseArgs(argv, ['db', 'port', 'key-file', 'lan', 'host-name', 'listen'])
  const portText = stringFlag(args, 'port') ?? process.env.PORT ?? '0'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port must be 0–65535, not ${portText}`)
  const dbPath = resolveDbPath(stringFlag(args, 'db'))
  const keyFile = resolveKeyFile(stringFlag(args, 'key-file'))
  const { key, created } = keyForDatabase(dbPath, keyFile)
  const lan = await lanOptions(args, dbPath)
  const desk = openDesk({ dbPath, key })
  if (key && created) for (const line of recoveryCodeNotice(keyFile!, key)) console.log(line)
  if (!key) console.log(notEncryptedNotice(dbPath))
  const running = await startHttpServer({
    lan: lan?.options,
    dispatcher: desk.dispatcher,
    staticDir: rendererDir(),
    port,
    events: {
      feed: desk.feed,
      scopeFor: (token) => scopeForToken(desk.db, desk.dispatcher.sessions, token),
    },
  })
  console.log(`Listening on ${running.url}`)
  // Only while the desk has no administrator: whoever reads this console is the one installing it.
  if (!adminExists(desk.db)) console.log(`Setup code: ${desk.dispatcher.setupCode.value}`)
  if (lan) {
    console.log(`Certificate SHA-256: ${lan.fingerprint}`)
    desk.app.hub = { url: running.url, fingerprint: lan.fingerprint }
  }
  console.log(`Database: ${dbPath}`)
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

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

async function lanOptions(
  args: ReturnType<typeof parseArgs>,
  dbPath: string,
): Promise<{ options: NonNullable<HttpServerOptions['lan']>; fingerprint: string } | null> {
  const hostName = stringFlag(args, 'host-name')
  const listen = stringFlag(args, 'listen')
  if (args.flags.lan === undefined) {
    if (hostName !== undefined || listen !== undefined)
      throw new UserError('--host-name and --listen go with --lan (the hub over HTTPS)')
    return null
  }
  if (args.flags.lan !== true) throw new UserError('--lan takes no value')
  if (hostName !== undefined && !HOST_NAME.test(hostName))
    throw new UserError(`--host-name must be a host name such as desk-1.hospital.lan, not ${hostName}`)
  const names = hubNames(hostName)
  if (listen !== undefined && !(IPV4.test(listen) && names.ips.includes(listen)))
    throw new UserError(
      `--listen must be one of this machine's IPv4 addresses (${names.ips.join(', ')}), not ${listen}`,
    )
  const certificate = await loadOrCreateCertificate(dbPath, names)
  return {
    fingerprint: certificate.fingerprint,
    options: {
      key: certificate.key,
      cert: certificate.cert,
      names: allowedHostNames(names),
      display: hostName ?? listen ?? names.display,
      listen,
    },
  }
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
