import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useStores } from './stores/root'
import { LoginScreen } from './screens/LoginScreen'
import { SetupScreen } from './screens/SetupScreen'
import { Shell } from './screens/Shell'

export const App = observer(function App() {
  const { session } = useStores()
  useEffect(() => {
    void session.start()
  }, [session])
  switch (session.phase) {
    case 'loading':
      return <div className="splash">Opening the desk…</div>
    case 'unreachable':
      return <div className="splash splash--error">{session.error?.message}</div>
    case 'setup':
      return <SetupScreen />
    case 'login':
      return <LoginScreen />
    case 'ready':
      return <Shell />
  }
})
