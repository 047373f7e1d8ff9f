import { observer } from 'mobx-react-lite'
import { useStores } from '../stores/root'

const ROLE_LABEL = {
  user: 'Front desk',
  'hospital-authority': 'Hospital authority',
  admin: 'Administrator',
} as const

export const HomeScreen = observer(function HomeScreen() {
  const { session } = useStores()
  const user = session.user!
  const status = session.status
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Good to see you, {user.name.split(' ')[0]}</h1>
          <p className="muted">Signed in as {ROLE_LABEL[user.role]}. Everything here works offline.</p>
        </div>
      </header>
      <div className="cards">
        <article className="card">
          <h2>This desk</h2>
          <dl className="facts">
            <dt>App version</dt>
            <dd>{status?.appVersion}</dd>
            <dt>Schema version</dt>
            <dd>{status?.schemaVersion}</dd>
            <dt>Database</dt>
            <dd className="mono">{status?.databasePath}</dd>
          </dl>
        </article>
        <article className="card">
          <h2>Your account</h2>
          <dl className="facts">
            <dt>Email</dt>
            <dd>{user.email}</dd>
            <dt>Role</dt>
            <dd>{ROLE_LABEL[user.role]}</dd>
            <dt>Last sign-in</dt>
            <dd>{user.lastLogin ? new Date(user.lastLogin).toLocaleString() : 'This is your first'}</dd>
          </dl>
        </article>
      </div>
    </section>
  )
})
