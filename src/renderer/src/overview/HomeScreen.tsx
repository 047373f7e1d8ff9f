import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatLongDay, toDayInput } from '../../../shared/format'
import { useStores } from '../stores/root'
import '../bookings/bookings.css'
import './overview.css'
import { useLive } from '../live/useLive'
import { AdminOverview } from './AdminOverview'
import { AuthorityOverview, DeskOverview } from './DeskOverview'
import { ThisDesk, useGo } from './parts'
import { ROLE_LABEL } from '../../../shared/labels'

/** "Dr. Kamal Hossain" → "Kamal": the first word that is not a title such as "Dr." or "Prof.". */
function firstName(name: string): string {
  const words = name.trim().split(/\s+/)
  return words.find((w) => !w.endsWith('.')) ?? words[0] ?? name
}

/** The first screen after sign-in: what needs doing now, per role. */
export const HomeScreen = observer(function HomeScreen() {
  const { session, overview } = useStores()
  const user = session.user!
  const { t } = useTranslation()

  useEffect(() => {
    void overview.load(user)
  }, [overview, user])
  useLive(['bookings', 'notifications', 'resources', 'hospitals', 'wallet', 'payments', 'settings'], () =>
    overview.load(user),
  )

  const place =
    user.role === 'admin'
      ? t('overview.everyHospital')
      : (overview.hospital.value?.name ?? (user.hospitalId === null ? t('overview.everyHospital') : ''))
  return (
    <section className="page overview">
      <header className="page__header">
        <div>
          <h1>{t('overview.greeting', { name: firstName(user.name) })}</h1>
          <p className="muted" data-testid="overview-subtitle">
            {ROLE_LABEL[user.role]}
            {place ? ` · ${place}` : ''} · {formatLongDay(toDayInput(new Date()))}
          </p>
        </div>
        {user.role === 'user' && <DeskActions />}
      </header>
      {user.role === 'user' && <DeskOverview store={overview} />}
      {user.role === 'hospital-authority' && <AuthorityOverview store={overview} />}
      {user.role === 'admin' && <AdminOverview store={overview} />}
      <ThisDesk />
    </section>
  )
})

/**
 * The desk's quick actions. Worded apart from the sidebar's entries ("New booking", "Bookings",
 * "Availability"), so that each name on screen leads to one button.
 */
function DeskActions() {
  const go = useGo()
  const { t } = useTranslation()
  return (
    <div className="actions overview__actions">
      <button className="btn btn--primary" onClick={() => go.area('new-booking')}>
        {t('overview.actions.book')} <kbd className="kbd--on-primary">n</kbd>
      </button>
      <button className="btn" onClick={() => go.queue()}>
        {t('overview.actions.queue')}
      </button>
      <button className="btn" onClick={() => go.area('board')}>
        {t('overview.actions.board')}
      </button>
    </div>
  )
}
