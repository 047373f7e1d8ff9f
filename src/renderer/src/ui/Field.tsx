import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import type { DeskError } from '../../../shared/errors'
import { DateTimeEntry } from './DateTimeEntry'

/** A labelled input with its error from a DeskError shown beside it. */
export function Field(
  props: {
    label: string
    name: string
    error?: DeskError | null
    hint?: ReactNode
  } & InputHTMLAttributes<HTMLInputElement>,
) {
  const { label, name, error, hint, ...rest } = props
  const id = useId()
  const message = error?.fieldMessage(name)
  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={!!message} aria-describedby={`${id}-msg`} {...rest} />
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

export function SelectField(
  props: {
    label: string
    name: string
    error?: DeskError | null
    children: ReactNode
  } & SelectHTMLAttributes<HTMLSelectElement>,
) {
  const { label, name, error, children, ...rest } = props
  const id = useId()
  const message = error?.fieldMessage(name)
  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={!!message} {...rest}>
        {children}
      </select>
      {message && (
        <div className="field__error" role="alert">
          {message}
        </div>
      )}
    </div>
  )
}

export function TextAreaField(
  props: {
    label: string
    name: string
    error?: DeskError | null
  } & TextareaHTMLAttributes<HTMLTextAreaElement>,
) {
  const { label, name, error, ...rest } = props
  const id = useId()
  const message = error?.fieldMessage(name)
  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} aria-invalid={!!message} {...rest} />
      {message && (
        <div className="field__error" role="alert">
          {message}
        </div>
      )}
    </div>
  )
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
export function MoneyField(props: {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  error?: DeskError | null
  hint?: ReactNode
  autoFocus?: boolean
}) {
  const id = useId()
  const message = props.error?.fieldMessage(props.name)
  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <div className="money-input">
        <span aria-hidden="true">৳</span>
        <input
          id={id}
          name={props.name}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          value={props.value}
          autoFocus={props.autoFocus}
          aria-invalid={!!message}
          aria-describedby={`${id}-msg`}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </div>
      <div
        id={`${id}-msg`}
        className={message ? 'field__error' : 'field__hint'}
        role={message ? 'alert' : undefined}
      >
        {message ?? props.hint}
      </div>
    </div>
  )
}

/**
 * A local date and time, day first (`31/12/2026 10:00`, also `2026-12-31 10:00` and Bangla digits),
 * with a picker in the same order (DateTimeEntry). The value stays a datetime-local string
 * (`2026-12-31T10:00`) so forms still turn it into ISO with fromLocalInput; onChange gets an
 * event-shaped `{ target: { value } }`, as it did from the browser's datetime-local box.
 */
export function DateTimeField(
  props: {
    label: string
    name: string
    error?: DeskError | null
    hint?: ReactNode
    value: string
    onChange: (e: { target: { value: string } }) => void
    /** False: a date alone (`31/12/2026`, value `2026-12-31`). */
    withTime?: boolean
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'>,
) {
  const { label, name, error, hint, onChange, ...rest } = props
  const id = useId()
  const message = error?.fieldMessage(name)
  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <DateTimeEntry
        id={id}
        name={name}
        aria-invalid={!!message}
        aria-describedby={`${id}-msg`}
        onChange={(value) => onChange({ target: { value } })}
        {...rest}
      />
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
