import { DeskError } from '../../shared/errors'
import type { HandlerContext, PartialHandlers } from '../ipc/dispatcher'
import {
  backupInFolder,
  checkBackup,
  exportBackup,
  listBackups,
  restoreBackup,
  type BackupDeps,
} from './backup'

function depsOf(ctx: HandlerContext): BackupDeps {
  return {
    dbPath: ctx.app.databasePath,
    live: ctx.live ?? null,
    now: ctx.now,
    app: ctx.app,
    client: ctx.client,
  }
}

export const backupHandlers: PartialHandlers<'backup.export' | 'backup.list' | 'backup.restore'> = {
  'backup.export': (ctx) => exportBackup(depsOf(ctx), { kind: 'manual', by: ctx.actor.email }),
  'backup.list': (ctx, input) => listBackups(depsOf(ctx), input),
  'backup.restore': async (ctx, input) => {
    const deps = depsOf(ctx)
    const file = backupInFolder(deps.dbPath, input.file)
    if (!input.sha256) return { restored: false as const, backup: await checkBackup(deps, file) }
    // Swapping the file under a handle nobody reopens would leave the desk on the old, closed one.
    if (!deps.live)
      throw new DeskError('INTERNAL', 'This desk was started without a live database and cannot restore.')
    return restoreBackup(deps, file, { expectedSha256: input.sha256, sessions: ctx.sessions, by: ctx.actor })
  },
}
