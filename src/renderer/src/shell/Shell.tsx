import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { banglaDigits, currentLanguage } from '../i18n'
import { switchBanglaDigits, switchLanguage } from './language'
import { ConnectionBanner } from '../live/ConnectionBanner'
import { areasFor } from './nav'
import { useStores } from '../stores/root'
import { Brand } from '../auth/AuthLayout'
import { KeyboardHelp } from '../bookings/BookingsHelp'
import { NotificationsButton, NotificationsPanel } from '../notifications/Notifications'
import { typingIn } from '../bookings/BookingsScreen'
import { dialogOpen } from '../ui'
import './shell.css'

/** The signed-in desk: the sidebar of areas this role may use, the user, sign out. */
export const Shell = observer(function Shell() {
  const { session, ui } = useStores()
  const user = session.user!
  const areas = areasFor(user.role)
  const current = areas.find((a) => a.id === ui.area) ?? areas[0]!
  const Screen = current.component
  const { bookings } = useStores()
  const [help, setHelp] = useState(false)
  const { t } = useTranslation()

  // The desk's global shortcuts (listed under `?`); the queue adds its own while it is on screen.
  useEffect(() => {
    const has = (id: string) => areasFor(user.role).some((a) => a.id === id)
    function onKey(e: KeyboardEvent) {
      // Esc leaves a text box, so the single-key shortcuts work again.
      if (e.key === 'Escape' && typingIn(e.target) && !dialogOpen()) {
        ;(e.target as HTMLElement).blur()
        return
      }
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return
      if (e.key === '?') setHelp((h) => !h)
      else if (dialogOpen()) return
      else if (e.key === 'n' && has('new-booking')) ui.go('new-booking')
      else if (e.key === 'b' && has('board')) ui.go('board')
      else if ((e.key === 'q' || e.key === '/') && has('bookings')) {
        bookings.close()
        ui.go('bookings')
        if (e.key === '/') bookings.focusSearch()
      } else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [ui, bookings, user.role])
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('shell.areas')}>
        <Brand />
        <ul>
          {areas.map((a) => (
            <li key={a.id}>
              <button
                className={`nav-item${a.id === current.id ? ' nav-item--active' : ''}`}
                data-area={a.id}
                aria-current={a.id === current.id ? 'page' : undefined}
                onClick={() => ui.go(a.id)}
              >
                <span className="nav-item__icon" aria-hidden="true">
                  {a.icon}
                </span>
                {t(`nav.${a.id}`, { defaultValue: a.label })}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar__tools">
          <NotificationsButton />
          <button
            className="nav-item"
            aria-haspopup="dialog"
            onClick={() => setHelp(true)}
            aria-label={t('shell.shortcutsLabel')}
          >
            <span className="nav-item__icon" aria-hidden="true">
              ⌨
            </span>
            {t('shell.shortcuts')} <kbd className="kbd--dark">?</kbd>
          </button>
          <button
            className="nav-item"
            data-testid="language-switch"
            lang={currentLanguage() === 'bn' ? 'en' : 'bn'}
            title={t('settings.display.switchLanguage')}
            onClick={() => void switchLanguage(currentLanguage() === 'bn' ? 'en' : 'bn')}
          >
            <span className="nav-item__icon" aria-hidden="true">
              অ
            </span>
            {t('shell.otherLanguage')}
          </button>
          {currentLanguage() === 'bn' && (
            <button
              className="nav-item"
              role="switch"
              aria-checked={banglaDigits()}
              data-testid="digits-switch"
              title={t('settings.display.banglaDigitsHint')}
              onClick={() => void switchBanglaDigits(!banglaDigits())}
            >
              <span className="nav-item__icon" aria-hidden="true">
                {banglaDigits() ? '১' : '1'}
              </span>
              {t('settings.display.banglaDigits')}
              <span className="nav-item__state">
                {t(banglaDigits() ? 'settings.display.on' : 'settings.display.off')}
              </span>
            </button>
          )}
        </div>
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
            {t('shell.signOut')}
          </button>
        </div>
      </nav>
      <main className="content">
        <ConnectionBanner />
        <Screen />
      </main>
      <NotificationsPanel />
      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
    </div>
  )
})
