import { useState } from 'react'
import type { DeskError } from '../../../shared/errors'
import { asDeskError } from '../api/client'

/**
 * A form's submit: `busy` while it runs, and the DeskError it failed with, for the form to show
 * (field errors beside their fields). `setError` lets the form refuse its own input first.
 */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<DeskError | null>(null)
  async function run(fn: () => Promise<void>): Promise<void> {
    setBusy(true)
    try {
      await fn()
    } catch (err) {
      setError(asDeskError(err))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}
