import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useRoot } from './stores/root'
import { LoginScreen } from './auth/LoginScreen'
import { SetupScreen } from './auth/SetupScreen'
import { Shell } from './shell/Shell'
import { Toaster } from './ui'

export const App = observer(function App() {
  const { toasts } = useRoot()
  return (
    <>
      <Phase />
      <Toaster toasts={toasts} />
    </>
  )
})

const Phase = observer(function Phase() {
  const root = useRoot()
  const { session } = root
  const { t } = useTranslation()
  useEffect(() => {
    void session.start()
  }, [session])
  switch (session.phase) {
    case 'loading':
      return <div className="splash">{t('common.opening')}</div>
    case 'unreachable':
      return <div className="splash splash--error">{session.error?.message}</div>
    case 'setup':
      return <SetupScreen />
    case 'login':
      return <LoginScreen />
    case 'ready':
      // Keyed by sign-in: a new person gets new screens too, with none of the last one's state.
      return root.desk ? <Shell key={root.desk.generation} /> : null
  }
})
