/** Small pieces the money screens share: reading typed amounts, the method badge. */
import { DeskError } from '../../../shared/errors'
import { parseMoney, PAYMENT_METHOD_LABEL, type PaymentMethod } from '../../../shared/money'
import { commonWords } from '../../../shared/labels'
import './money.css'

/** A form's own check of one field, shown the same way as the desk's answer. */
export function fieldError(field: string, message: string): DeskError {
  return DeskError.field(field, message)
}

/** Text typed as money → paisa, or the DeskError to show beside the field (in the user's language). */
export function readMoney(field: string, text: string): { paisa: number } | { error: DeskError } {
  const parsed = parseMoney(text)
  if (parsed.ok && parsed.paisa > 0) return { paisa: parsed.paisa }
  return { error: fieldError(field, parsed.ok ? commonWords().amount.positive : parsed.message) }
}

/** Like readMoney, but zero is allowed (a count, a float left behind). */
export function readMoneyOrZero(field: string, text: string): { paisa: number } | { error: DeskError } {
  const parsed = parseMoney(text)
  return parsed.ok ? { paisa: parsed.paisa } : { error: fieldError(field, parsed.message) }
}

export function MethodBadge({ method }: { method: PaymentMethod }) {
  return <span className={`method method--${method}`}>{PAYMENT_METHOD_LABEL[method]}</span>
}
