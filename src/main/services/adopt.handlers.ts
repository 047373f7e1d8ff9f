import type { PartialHandlers } from '../ipc/dispatcher'
import { adoptAtFirstRun } from './adopt'

export const adoptHandlers: PartialHandlers<'adopt.legacy'> = {
  'adopt.legacy': (ctx, input) => adoptAtFirstRun(ctx, ctx.setupCode, input),
}
