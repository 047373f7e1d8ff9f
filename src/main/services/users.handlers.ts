import type { PartialHandlers } from '../ipc/dispatcher'
import { createUser, listUsers, resetPassword, updateUser } from './users'

export const usersHandlers: PartialHandlers<
  'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'
> = {
  'users.list': (ctx, input) => listUsers(ctx, input),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, ctx.sessions, input),
  'users.resetPassword': (ctx, input) => resetPassword(ctx, ctx.sessions, input),
}
