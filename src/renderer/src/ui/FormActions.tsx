import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskError } from '../../../shared/errors'
import { Dialog } from './Dialog'
import { ErrorBanner } from './Field'

/**
 * The foot of every form in a dialog: the error that belongs to no field (field errors stand beside
 * their fields), then Cancel and the submit button, which says "Saving…" while the save runs.
 */
export function FormActions(props: {
  submit: string
  onCancel: () => void
  /** The form's state: what it is doing and how it failed (useForm or useAction give both). */
  form: { busy: boolean; error: DeskError | null }
  danger?: boolean
  /** Focus the submit button on open (a confirmation with nothing to type). */
  autoFocus?: boolean
}) {
  const { t } = useTranslation()
  const { busy, error } = props.form
  return (
    <>
      {error && !error.details?.fields && <ErrorBanner error={error} />}
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={props.onCancel} disabled={busy}>
          {t('ui.form.cancel')}
        </button>
        <button
          type="submit"
          className={props.danger ? 'btn btn--danger' : 'btn btn--primary'}
          disabled={busy}
          autoFocus={props.autoFocus}
        >
          {busy ? t('ui.form.saving') : props.submit}
        </button>
      </div>
    </>
  )
}

/**
 * A dialog that is one form: the fields (children), then FormActions. While the save runs the
 * dialog cannot be closed, so a half-done save is never walked away from.
 */
export function FormDialog(props: {
  title: string
  subtitle?: ReactNode
  onClose: () => void
  onSubmit: () => Promise<void>
  /** The submit button's words ("Create account"). */
  submit: string
  form: { busy: boolean; error: DeskError | null }
  wide?: boolean
  danger?: boolean
  autoFocus?: boolean
  children: ReactNode
}) {
  const { form, onClose } = props
  return (
    <Dialog
      title={props.title}
      subtitle={props.subtitle}
      onClose={onClose}
      busy={form.busy}
      wide={props.wide}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void props.onSubmit()
        }}
        noValidate
      >
        {props.children}
        <FormActions
          submit={props.submit}
          onCancel={onClose}
          form={form}
          danger={props.danger}
          autoFocus={props.autoFocus}
        />
      </form>
    </Dialog>
  )
}

/** The one button that closes a dialog which has said what it had to say. */
export function DoneActions({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <div className="dialog__actions">
      <button className="btn btn--primary" onClick={onClose} autoFocus>
        {label}
      </button>
    </div>
  )
}
