import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import type { DeskError } from '../../../shared/errors'
import { cx } from './cx'
import { DateTimeEntry } from './DateTimeEntry'

interface FieldProps {
  label: string
  name: string
  error?: DeskError | null
  hint?: ReactNode
}

/**
 * The frame every field shares: its label, the control, and under it the error for this field from
 * a DeskError (announced) or else the hint. `control` gets the id and the ARIA wiring to spread.
 */
function FieldFrame({
  label,
  name,
  error,
  hint,
  control,
}: FieldProps & {
  control: (aria: {
    id: string
    name: string
    'aria-invalid': boolean
    'aria-describedby': string
  }) => ReactNode
}) {
  const id = useId()
  const message = error?.fieldMessage(name)
  return (
    <div className={cx('field', message && 'field--invalid')}>
      <label htmlFor={id}>{label}</label>
      {control({ id, name, 'aria-invalid': !!message, 'aria-describedby': `${id}-msg` })}
      <div
        id={`${id}-msg`}
        className={message ? 'field__error' : 'field__hint'}
        role={message ? 'alert' : undefined}
      >
        {message ?? hint}
      </div>
    </div>
  )
}

/** A labelled input with its error from a DeskError shown beside it. */
export function Field(props: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const { label, name, error, hint, ...rest } = props
  return <FieldFrame {...{ label, name, error, hint }} control={(aria) => <input {...aria} {...rest} />} />
}

export function SelectField(props: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const { label, name, error, hint, children, ...rest } = props
  return (
    <FieldFrame
      {...{ label, name, error, hint }}
      control={(aria) => (
        <select {...aria} {...rest}>
          {children}
        </select>
      )}
    />
  )
}

export function TextAreaField(props: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { label, name, error, hint, ...rest } = props
  return <FieldFrame {...{ label, name, error, hint }} control={(aria) => <textarea {...aria} {...rest} />} />
}

/** A DeskError that is not about one field (or a summary when it is). */
export function ErrorBanner({ error }: { error: DeskError | null | undefined }) {
  if (!error) return null
  return (
    <div className={`banner banner--${error.code === 'INTERNAL' ? 'danger' : 'warning'}`} role="alert">
      {error.message}
    </div>
  )
}

/** An amount in taka, typed as text (parsed to paisa by the form), with the ৳ sign beside it. */
export function MoneyField(
  props: FieldProps & { value: string; onChange: (value: string) => void; autoFocus?: boolean },
) {
  const { label, name, error, hint, value, onChange, autoFocus } = props
  return (
    <FieldFrame
      {...{ label, name, error, hint }}
      control={(aria) => (
        <div className="money-input">
          <span aria-hidden="true">৳</span>
          <input
            {...aria}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            value={value}
            autoFocus={autoFocus}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      )}
    />
  )
}

/**
 * A local date and time, day first (`31/12/2026 10:00`, also `2026-12-31 10:00` and Bangla digits),
 * with a picker in the same order (DateTimeEntry). The value stays a datetime-local string
 * (`2026-12-31T10:00`) so forms still turn it into ISO with fromLocalInput; onChange gets an
 * event-shaped `{ target: { value } }`, as it did from the browser's datetime-local box.
 */
export function DateTimeField(
  props: FieldProps & {
    value: string
    onChange: (e: { target: { value: string } }) => void
    /** False: a date alone (`31/12/2026`, value `2026-12-31`). */
    withTime?: boolean
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'>,
) {
  const { label, name, error, hint, onChange, ...rest } = props
  return (
    <FieldFrame
      {...{ label, name, error, hint }}
      control={(aria) => (
        <DateTimeEntry {...aria} onChange={(value) => onChange({ target: { value } })} {...rest} />
      )}
    />
  )
}

/**
 * The options of a select, one an item, each named by `label`; the item is the option's value
 * unless `value` picks it out (a hospital by its id).
 */
export function Options<T>({
  values,
  label,
  value = (item) => item as string | number,
}: {
  values: readonly T[]
  label: (item: T) => string
  value?: (item: T) => string | number
}) {
  return (
    <>
      {values.map((item) => (
        <option key={value(item)} value={value(item)}>
          {label(item)}
        </option>
      ))}
    </>
  )
}
