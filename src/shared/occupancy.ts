/**
 * Occupancy, as bed managers say it: occupied ÷ (total − maintenance), the share of what is in
 * service that holds a patient. One rule for the census, the reports and the availability board.
 */
import { formatDigits } from './labels'
import type { LocaleArg } from './locale/display'

export function occupancyPercent(c: { occupied: number; total: number; maintenance: number }): number | null {
  const inService = c.total - c.maintenance
  if (inService <= 0) return null
  return Math.round((c.occupied / inService) * 1000) / 10
}

/** "82.5%" ("৮২.৫%" in Bangla digits), or a dash when nothing is in service. */
export function formatPercent(p: number | null, lng?: LocaleArg): string {
  return p === null ? '—' : `${formatDigits(p.toFixed(1), lng)}%`
}
