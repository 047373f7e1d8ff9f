import { observer } from 'mobx-react-lite'
import { areasFor } from '../nav'
import { useStores } from '../stores/root'
import { Brand } from './AuthLayout'

/** The signed-in desk: the sidebar of areas this role may use, the user, sign out. */
export const Shell = observer(function Shell() {
  const { session, ui } = useStores()
  const user = session.user!
  const areas = areasFor(user.role)
  const current = areas.find((a) => a.id === ui.area) ?? areas[0]!
  const Screen = current.component
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Desk areas">
        <Brand />
        <ul>
          {areas.map((a) => (
            <li key={a.id}>
              <button
                className={`nav-item${a.id === current.id ? ' nav-item--active' : ''}`}
                aria-current={a.id === current.id ? 'page' : undefined}
                onClick={() => ui.go(a.id)}
              >
                <span className="nav-item__icon" aria-hidden="true">
                  {a.icon}
                </span>
                {a.label}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar__user">
          <div className="avatar" aria-hidden="true">
            {user.name.trim().charAt(0).toUpperCase()}
          </div>
          <div className="sidebar__who">
            <div className="sidebar__name" data-testid="signed-in-user">
              {user.name}
            </div>
            <div className="sidebar__role">{user.email}</div>
          </div>
          <button className="btn btn--ghost btn--small" onClick={() => void session.logout()}>
            Sign out
          </button>
        </div>
      </nav>
      <main className="content">
        <Screen />
      </main>
    </div>
  )
})
