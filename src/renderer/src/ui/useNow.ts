import { useEffect, useState } from 'react'

/** The current time, renewed every `everyMs` (waiting times and overdue marks move on their own). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
