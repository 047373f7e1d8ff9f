import { i18n } from '../i18n'

/**
 * An audit row's reason as the reader's language says it. People's reasons are shown as typed; the
 * ones the desk writes itself (src/main/services: bookings' transitions, referrals, a hospital's
 * first rows) are stored in English in a fixed form, so they are recognised here and said again.
 */
const PAST = ['approved', 'declined', 'admitted', 'discharged', 'cancelled'] as const

export function auditReason(reason: string): string {
  const transition = /^(RC-\d{4}-\d+) (\w+)$/.exec(reason)
  if (transition && (PAST as readonly string[]).includes(transition[2]!))
    return i18n.t(`audit.reason.${transition[2]}`, { reference: transition[1] })
  const referred = /^(RC-\d{4}-\d+) referred to (.+)$/.exec(reason)
  if (referred) return i18n.t('audit.reason.referred', { reference: referred[1], hospital: referred[2] })
  if (reason === 'Hospital registered: resources start at zero') return i18n.t('audit.reason.registered')
  return reason
}
