import { useEffect, useRef } from 'react'
import type { ChangeEvent, LiveArea } from '../../../shared/live'
import { live } from './index'

/**
 * Re-read what a screen shows when one of its areas changes. Refreshes never overlap: a burst of
 * changes while one runs gives exactly one more, so twenty desks at work cost a screen at most
 * two reads at a time.
 */
export function useLive(areas: readonly LiveArea[], refresh: (event: ChangeEvent) => unknown): void {
  const latest = useRef(refresh)
  latest.current = refresh
  const key = areas.join(',')
  useEffect(() => {
    let running = false
    let pending: ChangeEvent | null = null
    const fire = async (event: ChangeEvent): Promise<void> => {
      if (running) {
        pending = event
        return
      }
      running = true
      try {
        await latest.current(event)
      } finally {
        running = false
        const next = pending
        pending = null
        if (next) void fire(next)
      }
    }
    return live.on(key.split(',') as LiveArea[], (e) => void fire(e))
  }, [key])
}
