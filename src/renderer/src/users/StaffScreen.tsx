import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { USER_STATUSES, type StaffUser, type UserStatus } from '../../../shared/contract/users'
import { ROLES, type Role } from '../../../shared/schemas'
import { ErrorBanner } from '../ui/Field'
import { useStores } from '../stores/root'
import { STAFF_PAGE } from './staff'
import { Badge, Pager, type Tone } from '../ui'
import { formatDateTime } from '../../../shared/format'
import { capitalize, ROLE_LABEL } from '../../../shared/labels'
import { ResetPasswordDialog, StaffForm } from './StaffForm'

const STATUS_BADGE: Record<UserStatus, Tone> = {
  active: 'success',
  inactive: 'neutral',
  suspended: 'danger',
}

const ROLE_BADGE: Record<Role, Tone> = {
  user: 'neutral',
  'hospital-authority': 'info',
  admin: 'warning',
}

/** The Staff area (admin): accounts, their roles and hospitals, and password resets. */
export const StaffScreen = observer(function StaffScreen() {
  const { staff, session } = useStores()
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null)
  const [resetting, setResetting] = useState<StaffUser | null>(null)
  const [search, setSearch] = useState(staff.list.filters.search)
  useEffect(() => {
    void staff.start()
  }, [staff])
  useEffect(() => {
    if (search === staff.list.filters.search) return
    const t = setTimeout(() => staff.list.filter({ search }), 250)
    return () => clearTimeout(t)
  }, [search, staff])

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Staff accounts</h1>
          <p className="muted">Who may sign in at this desk, in which role, for which hospital.</p>
        </div>
        <button className="btn btn--primary" aria-haspopup="dialog" onClick={() => setEditing('new')}>
          New account
        </button>
      </header>
      <div className="toolbar">
        <input
          className="input"
          type="search"
          placeholder="Search name, email or phone"
          aria-label="Search staff"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          className="input input--narrow"
          aria-label="Role"
          value={staff.list.filters.role}
          onChange={(e) => staff.list.filter({ role: e.target.value as Role | '' })}
        >
          <option value="">All roles</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        <select
          className="input input--narrow"
          aria-label="Status"
          value={staff.list.filters.status}
          onChange={(e) => staff.list.filter({ status: e.target.value as UserStatus | '' })}
        >
          <option value="">Any status</option>
          {USER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {capitalize(s)}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label="Hospital"
          value={staff.list.filters.hospitalId}
          onChange={(e) => staff.list.filter({ hospitalId: e.target.value ? Number(e.target.value) : '' })}
        >
          <option value="">Any hospital</option>
          {staff.hospitals.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner error={staff.error ?? staff.list.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Hospital</th>
              <th>Status</th>
              <th>Last sign-in</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {staff.list.items.map((u) => (
              <tr key={u.id}>
                <td>
                  <div className="cell-title">
                    {u.name}
                    {u.id === session.user?.id && <span className="muted"> (you)</span>}
                  </div>
                  <div className="cell-sub">
                    {u.email}
                    {u.phone ? ` · ${u.phone}` : ''}
                  </div>
                </td>
                <td>
                  <Badge tone={ROLE_BADGE[u.role]}>{ROLE_LABEL[u.role]}</Badge>
                </td>
                <td>{u.hospitalName ?? <span className="muted">—</span>}</td>
                <td>
                  <Badge tone={STATUS_BADGE[u.status]}>{capitalize(u.status)}</Badge>
                </td>
                <td>{u.lastLogin ? formatDateTime(u.lastLogin) : <span className="muted">Never</span>}</td>
                <td className="num nowrap">
                  <button
                    className="btn btn--small"
                    aria-haspopup="dialog"
                    onClick={() => setEditing(u)}
                    aria-label={`Edit ${u.name}`}
                  >
                    Edit
                  </button>{' '}
                  <button
                    className="btn btn--small btn--ghost"
                    aria-haspopup="dialog"
                    onClick={() => setResetting(u)}
                    aria-label={`Reset password of ${u.name}`}
                  >
                    Reset password
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {staff.list.items.length === 0 && !staff.list.loading && (
          <div className="empty">No account matches these filters.</div>
        )}
      </div>
      <Pager
        offset={staff.list.offset}
        pageSize={STAFF_PAGE}
        total={staff.list.total}
        onPage={(o) => staff.list.page(o)}
        noun="accounts"
      />
      {editing && (
        <StaffForm user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </section>
  )
})
