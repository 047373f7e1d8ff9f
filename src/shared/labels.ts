/**
 * Every word the desk shows for a code value, in one place: main's messages and every screen read
 * these, so a theatre is never "Theatre" on one screen and "Operation theatre" on the next.
 */
import type { ResourceType, Role, Urgency } from './schemas'

/** A resource type in a sentence: "a bed", "2 ICU beds", "no operation theatres". */
export const RESOURCE_LABEL: Record<ResourceType, { one: string; many: string }> = {
  beds: { one: 'bed', many: 'beds' },
  icu: { one: 'ICU bed', many: 'ICU beds' },
  operationTheatres: { one: 'operation theatre', many: 'operation theatres' },
}

/** A resource type as a heading or column value: "Beds", "ICU beds", "Operation theatres". */
export function resourceTitle(type: ResourceType | string, count: 'one' | 'many' = 'many'): string {
  return capitalize(RESOURCE_LABEL[type as ResourceType]?.[count] ?? type)
}

/** "1 bed", "3 ICU beds". */
export function resourceCount(type: ResourceType, n: number): string {
  return `${formatCount(n)} ${RESOURCE_LABEL[type][n === 1 ? 'one' : 'many']}`
}

export const URGENCY_LABEL: Record<Urgency, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
}

export const BOOKING_STATUS_LABEL = {
  pending: 'Pending',
  approved: 'Approved',
  admitted: 'Admitted',
  completed: 'Discharged',
  declined: 'Declined',
  cancelled: 'Cancelled',
} as const

export const HOSPITAL_STATUS_LABEL = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  suspended: 'Suspended',
} as const

export const PAYMENT_STATUS_LABEL = {
  completed: 'Completed',
  refunded: 'Refunded',
  pending: 'Pending',
  processing: 'Processing',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const

export const ROLE_LABEL: Record<Role, string> = {
  user: 'Front desk',
  'hospital-authority': 'Hospital authority',
  admin: 'Administrator',
}

/** Counts are grouped the one way the desk groups numbers: 12,345. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** "1 booking", "3 bookings", "1,204 bookings". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

export function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text
}
