import type { PartialHandlers } from '../ipc/dispatcher'
import { listResources, updateResource } from './resources'

export const resourcesHandlers: PartialHandlers<'resources.list' | 'resources.update'> = {
  'resources.list': (ctx, input) => listResources(ctx, input),
  'resources.update': (ctx, input) => updateResource(ctx, input),
}
