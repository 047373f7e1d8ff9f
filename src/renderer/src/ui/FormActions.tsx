import { useTranslation } from 'react-i18next'
import type { DeskError } from '../../../shared/errors'
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
