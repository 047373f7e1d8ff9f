/** The envelope every channel answers with, over either transport, and the error the client raises. */

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorDetails {
  /** The first offending field, as a dotted path into the input (`patientAge`, `items.0.id`). */
  field?: string
  /** Every offending field with its message. */
  fields?: Record<string, string>
  [key: string]: unknown
}

export interface ErrorBody {
  code: ErrorCode
  message: string
  details?: ErrorDetails
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody }

/** HTTP status for each code: browser mode mirrors the code in the status line. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
}

export class DeskError extends Error {
  readonly code: ErrorCode
  readonly details?: ErrorDetails

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message)
    this.name = 'DeskError'
    this.code = code
    this.details = details
  }

  /** A refusal of one field's value: VALIDATION naming the field. */
  static field(field: string, message: string): DeskError {
    return new DeskError('VALIDATION', `${field}: ${message}`, { field, fields: { [field]: message } })
  }

  static fromBody(body: ErrorBody): DeskError {
    return new DeskError(body.code, body.message, body.details)
  }

  toBody(): ErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message }
  }

  /** The message for one field, for showing next to it in a form. */
  fieldMessage(field: string): string | undefined {
    return this.details?.fields?.[field]
  }

  /**
   * This error with more field problems added (a form's own checks beside the desk's answer), so
   * every field is answered in one round; `extra` wins for a field both name.
   */
  withFields(extra: Record<string, string>): DeskError {
    const fields = { ...(this.code === 'VALIDATION' ? this.details?.fields : {}), ...extra }
    const [field, message] = Object.entries(fields)[0] ?? ['input', this.message]
    return new DeskError('VALIDATION', `${field}: ${message}`, { ...this.details, field, fields })
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.message === 'string' && (ERROR_CODES as readonly string[]).includes(v.code as string)
}
