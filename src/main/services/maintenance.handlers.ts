import type { HandlerContext, PartialHandlers } from '../ipc/dispatcher'
import { maintenanceReport, runMaintenance, type MaintenanceDeps } from './maintenance'

function depsOf(ctx: HandlerContext): MaintenanceDeps {
  return {
    // A getter: a task that waits for a running restore must use the database that restore left.
    get db() {
      return ctx.live?.db ?? ctx.db
    },
    dbPath: ctx.app.databasePath,
    live: ctx.live ?? null,
    now: ctx.now,
    key: ctx.app.databaseKey ?? null,
  }
}

export const maintenanceHandlers: PartialHandlers<'maintenance.report' | 'maintenance.run'> = {
  'maintenance.report': (ctx) => maintenanceReport(depsOf(ctx)),
  'maintenance.run': (ctx, input) =>
    runMaintenance(depsOf(ctx), input.task, { confirm: input.confirm, by: ctx.actor.email }),
}
