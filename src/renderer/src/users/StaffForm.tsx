import { observer } from 'mobx-react-lite'
import { useTranslation } from 'react-i18next'
import { USER_STATUSES, type StaffUser, type UserStatus } from '../../../shared/contract/users'
import { ROLE_LABEL } from '../../../shared/labels'
import { PASSWORD_RULE, ROLES, type Role } from '../../../shared/schemas'
import { formatPhone } from '../../../shared/format'
import { useStores } from '../stores/root'
import { Field, FormDialog, Options, SelectField, useForm } from '../ui'
import { optional } from '../ui/forms'

/** A password being set for someone: never filled in by the browser, with the rule beside it. */
export const NEW_PASSWORD = { type: 'password', autoComplete: 'new-password', hint: PASSWORD_RULE } as const

export const StaffForm = observer(function StaffForm({
  user,
  onClose,
}: {
  user?: StaffUser
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { staff, session } = useStores()
  const form = useForm('staff.form', {
    name: user?.name ?? '',
    email: user?.email ?? '',
    password: '',
    phone: formatPhone(user?.phone),
    role: (user?.role ?? 'user') as Role,
    hospitalId: user?.hospitalId ? String(user.hospitalId) : '',
    status: (user?.status ?? 'active') as UserStatus,
  })
  const v = form.values
  const admin = v.role === 'admin'
  const hospitalId = admin || !v.hospitalId ? null : Number(v.hospitalId)

  async function submit() {
    await form.run(async () => {
      if (!user) {
        await staff.create({
          name: v.name,
          email: v.email,
          password: v.password,
          phone: optional(v.phone),
          role: v.role,
          hospitalId,
        })
        return onClose()
      }
      const { name, role, status } = v
      await staff.update({ id: user.id, name, phone: optional(v.phone) ?? null, role, hospitalId, status })
      // Taking away one's own admin role or account ends one's own session at once.
      if (user.id === session.user?.id && (status !== 'active' || role !== 'admin')) await session.logout()
      else onClose()
    })
  }

  return (
    <FormDialog
      title={user ? t('staff.form.editTitle', { name: user.name }) : t('staff.form.newTitle')}
      subtitle={user ? user.email : t('staff.form.newSubtitle')}
      onClose={onClose}
      onSubmit={submit}
      submit={t(user ? 'staff.form.save' : 'staff.form.create')}
      form={form}
    >
      <Field {...form.bind('name')} autoFocus />
      {!user && (
        <>
          <Field {...form.bind('email')} type="email" autoComplete="off" />
          <Field {...form.bind('password')} {...NEW_PASSWORD} />
        </>
      )}
      <Field {...form.bind('phone')} inputMode="tel" />
      <div className="form-grid form-grid--two">
        <SelectField {...form.bind('role')}>
          <Options values={ROLES} label={(r) => ROLE_LABEL[r]} />
        </SelectField>
        <SelectField {...form.bind('hospitalId')} value={admin ? '' : v.hospitalId} disabled={admin}>
          <option value="">{admin ? t('staff.form.allHospitals') : t('staff.form.noHospital')}</option>
          <Options values={staff.hospitals} value={(h) => h.id} label={(h) => h.name} />
        </SelectField>
      </div>
      {user && (
        <SelectField {...form.bind('status')}>
          <Options values={USER_STATUSES} label={(s) => t(`staff.status.${s}`)} />
        </SelectField>
      )}
      {user && v.status !== 'active' && user.status === 'active' && (
        <div className="banner banner--warning">{t('staff.form.signsOut', { name: user.name })}</div>
      )}
    </FormDialog>
  )
})
