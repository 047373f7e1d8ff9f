import type { PartialHandlers } from '../ipc/dispatcher'
import { listAudit, verifyAudit } from './audit'

export const auditHandlers: PartialHandlers<'audit.list' | 'audit.verify'> = {
  'audit.list': (ctx, input) => listAudit(ctx, input),
  'audit.verify': (ctx) => verifyAudit(ctx),
}
