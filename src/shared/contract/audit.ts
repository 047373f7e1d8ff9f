import { z } from 'zod'
import { channel } from '../channel'
import { id, isoDateTime, orderedRange, page, type Paged } from '../schemas'
import { resourceType } from './resources'

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'allocate', 'release'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** One `resource_audit_log` row; old/new values parsed from their JSON (null when absent or unreadable). */
export interface AuditEntry {
  id: number
  hospitalId: number
  hospitalName: string | null
  resourceType: string
  action: AuditAction
  oldValues: Record<string, unknown> | null
  newValues: Record<string, unknown> | null
  changedBy: number | null
  changedByName: string | null
  reason: string | null
  ipAddress: string | null
  userAgent: string | null
  createdAt: string
}

/** A resource's five counts as an audit row records them. */
export interface AuditCounts {
  total: number
  available: number
  occupied: number
  reserved: number
  maintenance: number
}

/**
 * What a replay found wrong. `message` says it in English (logs, scripts); the screen says it in the
 * reader's language from `kind` and the counts named, never by parsing the message:
 * - noHistory: the row holds `holds`, and no audit row ever recorded it;
 * - unrecorded: audit row `auditId` does not record the five counts it left;
 * - brokenChain: audit row `auditId` starts from `from` (null: unrecorded), but row `previousId` left `left`;
 * - rowDiffers: the row holds `holds`, but its history ends at `left` (row `auditId`).
 */
export type AuditProblemKind = 'noHistory' | 'unrecorded' | 'brokenChain' | 'rowDiffers'

export interface AuditProblem {
  hospitalId: number
  hospitalName: string
  resourceType: string
  /** The audit row at fault, when one is. */
  auditId: number | null
  message: string
  kind: AuditProblemKind
  holds?: AuditCounts
  from?: AuditCounts | null
  left?: AuditCounts
  previousId?: number
}

export interface AuditVerifyResult {
  /** Resource rows checked. */
  checked: number
  /** Audit rows replayed. */
  replayed: number
  problems: AuditProblem[]
}

const AUDITORS = ['hospital-authority', 'admin'] as const

export const auditChannels = {
  /** Newest first. An authority sees only its own hospital's rows. */
  'audit.list': channel(
    orderedRange(
      z
        .object({
          hospitalId: id.optional(),
          resourceType: resourceType.optional(),
          action: z
            .enum(AUDIT_ACTIONS, { error: 'must be create, update, delete, allocate or release' })
            .optional(),
          changedBy: id.optional(),
          from: isoDateTime.optional(),
          to: isoDateTime.optional(),
          ...page,
        })
        .strict(),
      'from',
      'to',
    ),
    AUDITORS,
  ).returns<Paged<AuditEntry>>(),
  /** Replays every resource's audit history and reports each row that disagrees with it. */
  'audit.verify': channel(z.object({}).strict(), AUDITORS).returns<AuditVerifyResult>(),
}
