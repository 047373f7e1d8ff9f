import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffUser } from '../../../shared/contract/users'
import { PASSWORD_RULE } from '../../../shared/schemas'
import { useStores } from '../stores/root'
import { Dialog, Field, FormActions, useForm } from '../ui'

/** A new password for someone who forgot theirs; it signs them out everywhere. */
export function ResetPasswordDialog({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useTranslation()
  const { staff, session } = useStores()
  const form = useForm('staff.reset', { password: '' })
  const [done, setDone] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    await form.run(async () => {
      await staff.resetPassword(user.id, form.values.password)
      if (user.id === session.user?.id) return void (await session.logout())
      setDone(true)
    })
  }

  return (
    <Dialog
      title={t('staff.reset.title')}
      subtitle={`${user.name} · ${user.email}`}
      onClose={onClose}
      busy={form.busy}
    >
      {done ? (
        <>
          <div className="banner banner--success" role="status">
            {t('staff.reset.done', { name: user.name })}
          </div>
          <div className="dialog__actions">
            <button className="btn btn--primary" onClick={onClose} autoFocus>
              {t('staff.reset.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field
            {...form.bind('password')}
            type="password"
            autoComplete="new-password"
            hint={PASSWORD_RULE}
            autoFocus
          />
          <FormActions submit={t('staff.reset.set')} onCancel={onClose} form={form} />
        </form>
      )}
    </Dialog>
  )
}
