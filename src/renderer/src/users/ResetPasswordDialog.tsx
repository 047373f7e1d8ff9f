import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffUser } from '../../../shared/contract/users'
import { useStores } from '../stores/root'
import { Dialog, DoneActions, Field, FormDialog, useForm } from '../ui'
import { NEW_PASSWORD } from './StaffForm'

/** A new password for someone who forgot theirs; it signs them out everywhere. */
export function ResetPasswordDialog({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useTranslation()
  const { staff, session } = useStores()
  const form = useForm('staff.reset', { password: '' })
  const [done, setDone] = useState(false)
  const title = t('staff.reset.title')
  const subtitle = `${user.name} · ${user.email}`

  async function submit() {
    await form.run(async () => {
      await staff.resetPassword(user.id, form.values.password)
      if (user.id === session.user?.id) return void (await session.logout())
      setDone(true)
    })
  }

  if (done)
    return (
      <Dialog title={title} subtitle={subtitle} onClose={onClose}>
        <div className="banner banner--success" role="status">
          {t('staff.reset.done', { name: user.name })}
        </div>
        <DoneActions label={t('staff.reset.close')} onClose={onClose} />
      </Dialog>
    )
  return (
    <FormDialog {...{ title, subtitle, onClose, form }} onSubmit={submit} submit={t('staff.reset.set')}>
      <Field {...form.bind('password')} {...NEW_PASSWORD} autoFocus />
    </FormDialog>
  )
}
