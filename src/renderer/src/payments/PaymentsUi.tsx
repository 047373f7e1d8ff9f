/** Small pieces the money screens share: reading typed amounts, the method's name and badge. */
import { useTranslation } from 'react-i18next'
import { DeskError } from '../../../shared/errors'
import { parseMoney, type PaymentMethod } from '../../../shared/money'
import { i18n } from '../i18n'
import './money.css'

/** A form's own check of one field, shown the same way as the desk's answer. */
export function fieldError(field: string, message: string): DeskError {
  return DeskError.field(field, message)
}

/**
 * parseMoney is shared with main and answers in English; the form says the same thing in the
 * user's language. A message it does not know yet passes through as it is.
 */
const AMOUNT_PROBLEM: Record<string, string> = {
  'is required': 'payments.amount.required',
  'must be more than zero': 'payments.amount.positive',
  'must be an amount like 1250 or 1250.50': 'payments.amount.format',
  'cannot have fractions of a paisa (at most 2 decimals)': 'payments.amount.paisa',
  'is too large': 'payments.amount.tooLarge',
}

function amountProblem(message: string): string {
  const key = AMOUNT_PROBLEM[message]
  return key ? i18n.t(key) : message
}

/** Text typed as money → paisa, or the DeskError to show beside the field. */
export function readMoney(field: string, text: string): { paisa: number } | { error: DeskError } {
  const parsed = parseMoney(text)
  if (parsed.ok && parsed.paisa > 0) return { paisa: parsed.paisa }
  return {
    error: fieldError(field, parsed.ok ? i18n.t('payments.amount.positive') : amountProblem(parsed.message)),
  }
}

/** Like readMoney, but zero is allowed (a count, a float left behind). */
export function readMoneyOrZero(field: string, text: string): { paisa: number } | { error: DeskError } {
  const parsed = parseMoney(text)
  return parsed.ok ? { paisa: parsed.paisa } : { error: fieldError(field, amountProblem(parsed.message)) }
}

/** A payment method's name in the desk's language: "bKash" / "বিকাশ". */
export function methodLabel(method: PaymentMethod): string {
  return i18n.t(`payments.method.${method}`)
}

export function MethodBadge({ method }: { method: PaymentMethod }) {
  const { t } = useTranslation()
  return <span className={`method method--${method}`}>{t(`payments.method.${method}`)}</span>
}
