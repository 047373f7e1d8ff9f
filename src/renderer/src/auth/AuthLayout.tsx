import { observer } from 'mobx-react-lite'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLanguage, setLanguage } from '../i18n'
import './auth.css'

export function Brand() {
  return (
    <div className="brand">
      <span className="brand__mark" aria-hidden="true">
        +
      </span>
      <span className="brand__name">
        RapidCare <strong>Desk</strong>
      </span>
    </div>
  )
}

/**
 * Before anyone signs in, the language is this workstation's (its last choice, or the OS's): one
 * click switches it here too; signing in then brings the user's own.
 */
const LanguageSwitch = observer(function LanguageSwitch() {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small auth__language"
      data-testid="language-switch"
      title={t('settings.display.switchLanguage')}
      lang={currentLanguage() === 'bn' ? 'en' : 'bn'}
      onClick={() => setLanguage(currentLanguage() === 'bn' ? 'en' : 'bn')}
    >
      {t('shell.otherLanguage')}
    </button>
  )
})

/** The centred card of the first-run and login screens. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string
  subtitle: string
  children: ReactNode
}) {
  return (
    <main className="auth">
      <section className="auth__card" aria-labelledby="auth-title">
        <div className="auth__top">
          <Brand />
          <LanguageSwitch />
        </div>
        <h1 id="auth-title">{title}</h1>
        <p className="muted">{subtitle}</p>
        {children}
      </section>
    </main>
  )
}
