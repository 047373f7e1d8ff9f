import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { whenSessionEnds } from './api/client'
import { App } from './App'
import { wireLive } from './live/wiring'
import { RootStore, StoreContext } from './stores/root'
import './styles.css'

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
