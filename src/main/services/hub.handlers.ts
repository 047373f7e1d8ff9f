import type { PartialHandlers } from '../ipc/dispatcher'

export const hubHandlers: PartialHandlers<'hub.status'> = {
  // Set by `serve --lan` once it listens (AppInfo.hub); a desk that is not the hub has none.
  'hub.status': (ctx) => ({ url: ctx.app.hub?.url ?? null, fingerprint: ctx.app.hub?.fingerprint ?? null }),
}
