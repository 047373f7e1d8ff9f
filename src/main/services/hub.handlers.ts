import type { HubStatus } from '../../shared/contract/hub'
import { DeskError } from '../../shared/errors'
import type { PartialHandlers, PublicHandlerContext } from '../ipc/dispatcher'
import type { HubControl } from '../hub/control'
import { actorFor, adminExists } from './auth'
import type { ServiceContext } from './context'

/** Browser mode and `serve --lan`: what there is to say, and nothing to control from a page. */
function servedStatus(ctx: ServiceContext): HubStatus {
  const hub = ctx.app.hub
  return {
    url: hub?.url ?? null,
    fingerprint: hub?.fingerprint ?? null,
    mode: hub ? 'hub' : 'own',
    control: false,
    sharing: null,
    connectedTo: null,
  }
}

function control(ctx: PublicHandlerContext): HubControl {
  // The person at this desk's own screen, never a call over the network: a browser signed in to
  // the hub as an admin must not stop the hub under every desk, nor point it at another hub.
  if (ctx.app.hubControl && ctx.caller !== 'window')
    throw new DeskError('FORBIDDEN', 'Only the desk’s own window may change how it is shared or joined.')
  const found = ctx.app.hubControl
  if (!found)
    throw new DeskError(
      'CONFLICT',
      'Only the RapidCare Desk application can do this from its Settings. A browser joins the hospital’s desk by opening its address; a hub is started with `npm run serve -- --lan`.',
    )
  return found
}

export const hubHandlers: PartialHandlers<
  'hub.status' | 'hub.share' | 'hub.unshare' | 'hub.connect' | 'hub.disconnect'
> = {
  'hub.status': (ctx) => {
    const status = ctx.app.hubControl?.status()
    if (!status) return servedStatus(ctx)
    // An admin in a browser on the network sees the address and fingerprint, not the controls.
    return ctx.caller === 'window' ? status : { ...status, control: false, sharing: null }
  },
  'hub.share': (ctx, input) => control(ctx).share(input),
  'hub.unshare': (ctx) => control(ctx).unshare(),
  'hub.connect': (ctx, input) => {
    // The first run chooses between keeping its own data and joining the hub, before any account
    // exists here; once this desk has an administrator, only an administrator moves it.
    if (adminExists(ctx.db)) {
      const actor = actorFor(ctx.db, ctx.sessions, ctx.token)
      if (!actor) throw new DeskError('UNAUTHENTICATED', 'Please sign in.')
      if (actor.role !== 'admin')
        throw new DeskError('FORBIDDEN', `Your role (${actor.role}) may not use hub.connect.`)
    }
    return control(ctx).connect(input)
  },
  'hub.disconnect': (ctx) => control(ctx).disconnect(),
}
