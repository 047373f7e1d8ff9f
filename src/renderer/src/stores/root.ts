import { makeAutoObservable } from 'mobx'
import { createContext, useContext } from 'react'
import { SessionStore } from './session'

/** Which area of the desk is on screen. */
export class UiStore {
  area = 'home'
  constructor() {
    makeAutoObservable(this)
  }
  go(area: string): void {
    this.area = area
  }
}

/** One store per area, plus the session; areas add theirs here. */
export class RootStore {
  session = new SessionStore()
  ui = new UiStore()
}

export const StoreContext = createContext<RootStore | null>(null)

export function useStores(): RootStore {
  const stores = useContext(StoreContext)
  if (!stores) throw new Error('useStores outside StoreContext')
  return stores
}
