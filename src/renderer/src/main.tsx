import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { whenSessionEnds } from './api/client'
import { App } from './App'
import { wireLive } from './live/wiring'
import { RootStore, StoreContext } from './stores/root'
import './ui/tokens.css'
import './ui/base.css'
// The admin areas' shared layout rules (hospitals, staff, resources, audit, first run).
import './shell/admin.css'

const stores = new RootStore()
whenSessionEnds(() => stores.session.expired())
wireLive(stores)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={stores}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
)
