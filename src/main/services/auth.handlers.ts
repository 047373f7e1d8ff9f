import type { PartialHandlers } from '../ipc/dispatcher'
import { actorFor, findUserById, login, setupAdmin, status, toPublicUser } from './auth'
import { DeskError } from '../../shared/errors'

export const authHandlers: PartialHandlers<
  'auth.status' | 'auth.setupAdmin' | 'auth.login' | 'auth.logout' | 'auth.me'
> = {
  'auth.status': (ctx) => status(ctx, actorFor(ctx.db, ctx.sessions, ctx.token)),
  'auth.setupAdmin': (ctx, input) => setupAdmin(ctx, ctx.setupCode, input),
  'auth.login': (ctx, input) => login(ctx, ctx.sessions, ctx.throttle, input, ctx.caller),
  'auth.logout': (ctx) => {
    ctx.sessions.end(ctx.token)
    return { ok: true as const }
  },
  'auth.me': (ctx) => {
    const row = findUserById(ctx.db, ctx.actor.id)
    if (!row) throw new DeskError('UNAUTHENTICATED', 'Please sign in.')
    return toPublicUser(row)
  },
}
