import type { AuditCounts, AuditProblem } from '../../../shared/contract/audit'
import { formatCount } from '../../../shared/labels'
import { i18n } from '../i18n'

const KEYS = ['total', 'available', 'occupied', 'reserved', 'maintenance'] as const

/** "total 80, available 73, …" in English, as main writes it; "মোট ৮০, খালি ৭৩, …" in Bangla. */
export function describeCounts(c: AuditCounts | null | undefined): string {
  if (!c) return i18n.t('audit.problem.unrecordedCounts')
  // The word before its number in both languages: "total 80", "মোট ৮০".
  return KEYS.map((k) => `${i18n.t(`audit.problem.key.${k}`)} ${formatCount(c[k])}`).join(', ')
}

/** What the replay found, in the reader's language; main's English when it names no kind (an older hub). */
export function auditProblemText(p: AuditProblem): string {
  const row = p.auditId === null ? '' : formatCount(p.auditId)
  switch (p.kind) {
    case 'noHistory':
      return i18n.t('audit.problem.noHistory', { counts: describeCounts(p.holds) })
    case 'unrecorded':
      return i18n.t('audit.problem.unrecorded', { row })
    case 'brokenChain':
      return i18n.t('audit.problem.brokenChain', {
        row,
        from: describeCounts(p.from),
        previous: formatCount(p.previousId ?? 0),
        left: describeCounts(p.left),
      })
    case 'rowDiffers':
      return i18n.t('audit.problem.rowDiffers', {
        row,
        holds: describeCounts(p.holds),
        left: describeCounts(p.left),
      })
    default:
      return p.message
  }
}
