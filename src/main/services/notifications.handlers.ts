import type { PartialHandlers } from '../ipc/dispatcher'
import { listNotifications, markRead } from './notifications'

export const notificationsHandlers: PartialHandlers<'notifications.list' | 'notifications.markRead'> = {
  'notifications.list': (ctx, input) => listNotifications(ctx, input),
  'notifications.markRead': (ctx, input) => markRead(ctx, input),
}
