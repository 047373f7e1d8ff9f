// Bangla on any machine, on screen and in printed PDFs: Noto Sans Bengali (OFL), its Bengali block only.
import '@fontsource/noto-sans-bengali/bengali-400.css'
import '@fontsource/noto-sans-bengali/bengali-500.css'
import '@fontsource/noto-sans-bengali/bengali-600.css'
import '@fontsource/noto-sans-bengali/bengali-700.css'
import { StrictMode } from 'react'
import './i18n'
import { createRoot } from 'react-dom/client'
import { whenSessionEnds } from './api/client'
import { App } from './App'
import { wireLive } from './live/wiring'
import { RootStore, StoreContext } from './stores/root'
import './ui/tokens.css'
import './ui/base.css'
import './ui/frame.css'
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
