import type { ComponentType } from 'react'
import type { Role } from '../../shared/schemas'
import { HomeScreen } from './screens/HomeScreen'

/** An area of the desk in the sidebar: shown only to the roles that may use it. */
export interface Area {
  id: string
  label: string
  /** A short glyph shown before the label. */
  icon: string
  roles: readonly Role[]
  component: ComponentType
}

const EVERYONE: readonly Role[] = ['user', 'hospital-authority', 'admin']

export const AREAS: Area[] = [
  { id: 'home', label: 'Overview', icon: '◉', roles: EVERYONE, component: HomeScreen },
]

export function areasFor(role: Role): Area[] {
  return AREAS.filter((a) => a.roles.includes(role))
}
