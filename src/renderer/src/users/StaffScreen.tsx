import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { USER_STATUSES, type StaffUser, type UserStatus } from '../../../shared/contract/users'
import { formatDateTime, formatPhone } from '../../../shared/format'
import { ROLE_LABEL } from '../../../shared/labels'
import { ROLES, type Role } from '../../../shared/schemas'
import { useStores } from '../stores/root'
import { Badge, ErrorBanner, filterOf, ListFilters, PagedTable, PageHeader, SearchBox } from '../ui'
import type { Column, Tone } from '../ui'
import { ResetPasswordDialog } from './ResetPasswordDialog'
import { StaffForm } from './StaffForm'

const STATUS_TONE: Record<UserStatus, Tone> = {
  active: 'success',
  inactive: 'neutral',
  suspended: 'danger',
}

const ROLE_TONE: Record<Role, Tone> = {
  user: 'neutral',
  'hospital-authority': 'info',
  admin: 'warning',
}

const StaffFilters = observer(function StaffFilters() {
  const { t } = useTranslation()
  const { staff } = useStores()
  const hospitalName = (id: number) => staff.hospitals.find((h) => h.id === id)?.name ?? ''
  return (
    <div className="toolbar">
      <SearchBox
        label={t('staff.search')}
        placeholder={t('staff.searchHint')}
        value={staff.list.filters.search}
        onSearch={(search) => staff.list.filter({ search })}
      />
      <ListFilters
        list={staff.list}
        words="staff.filter"
        filters={[
          filterOf('role', ROLES, (r) => ROLE_LABEL[r]),
          filterOf('status', USER_STATUSES, (s) => t(`staff.status.${s}`)),
          filterOf(
            'hospitalId',
            staff.hospitals.map((h) => h.id),
            hospitalName,
            true,
          ),
        ]}
      />
    </div>
  )
})

/** The Staff area (admin): accounts, their roles and hospitals, and password resets. */
export const StaffScreen = observer(function StaffScreen() {
  const { t } = useTranslation()
  const { staff, session } = useStores()
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null)
  const [resetting, setResetting] = useState<StaffUser | null>(null)
  useEffect(() => {
    void staff.start()
  }, [staff])

  const rowActions = [
    ['edit', setEditing, false],
    ['reset', setResetting, true],
  ] as const
  const columns: Column<StaffUser>[] = [
    {
      header: t('staff.table.name'),
      cell: (u) => (
        <>
          <div className="cell-title">
            {u.name}
            {u.id === session.user?.id && <span className="muted">{t('staff.table.you')}</span>}
          </div>
          <div className="cell-sub">
            {u.email}
            {u.phone ? ` · ${formatPhone(u.phone)}` : ''}
          </div>
        </>
      ),
    },
    {
      header: t('staff.table.role'),
      cell: (u) => <Badge tone={ROLE_TONE[u.role]}>{ROLE_LABEL[u.role]}</Badge>,
    },
    { header: t('staff.table.hospital'), cell: (u) => u.hospitalName ?? <span className="muted">—</span> },
    {
      header: t('staff.table.status'),
      cell: (u) => <Badge tone={STATUS_TONE[u.status]}>{t(`staff.status.${u.status}`)}</Badge>,
    },
    {
      header: t('staff.table.lastLogin'),
      cell: (u) =>
        u.lastLogin ? formatDateTime(u.lastLogin) : <span className="muted">{t('staff.table.never')}</span>,
    },
    {
      header: t('staff.table.actions'),
      srHeader: true,
      align: 'actions',
      cell: (u) => (
        <>
          {rowActions.map(([action, open, ghost]) => (
            <button
              key={action}
              className={ghost ? 'btn btn--small btn--ghost' : 'btn btn--small'}
              aria-haspopup="dialog"
              onClick={() => open(u)}
              aria-label={t(`staff.table.${action}One`, { name: u.name })}
            >
              {t(`staff.table.${action}`)}
            </button>
          ))}
        </>
      ),
    },
  ]

  return (
    <section className="page">
      <PageHeader title={t('staff.title')} subtitle={t('staff.subtitle')}>
        <button className="btn btn--primary" aria-haspopup="dialog" onClick={() => setEditing('new')}>
          {t('staff.newAccount')}
        </button>
      </PageHeader>
      <StaffFilters />
      <ErrorBanner error={staff.error} />
      <PagedTable
        list={staff.list}
        label={t('staff.table.label')}
        columns={columns}
        rowKey={(u) => u.id}
        empty={t('staff.table.empty')}
        words="staff.pager"
      />
      {editing && (
        <StaffForm user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </section>
  )
})
