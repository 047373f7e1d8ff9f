import type { PartialHandlers } from '../ipc/dispatcher'
import { createBloodRequest, listBloodRequests, updateBloodRequest } from './blood'

export const bloodHandlers: PartialHandlers<'blood.list' | 'blood.create' | 'blood.update'> = {
  'blood.list': (ctx, input) => listBloodRequests(ctx, input),
  'blood.create': (ctx, input) => createBloodRequest(ctx, input),
  'blood.update': (ctx, input) => updateBloodRequest(ctx, input),
}
