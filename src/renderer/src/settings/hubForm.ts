/** What the hub forms check before asking main (which checks again, with the same limits). */
import { toAsciiDigits } from '../../../shared/locale/digits'
import { DeskError } from '../../../shared/errors'

/** A port as typed (Bangla digits too): 1024–65535, or an error on the `port` field. */
export function readPort(text: string): { ok: true; port: number } | { ok: false; error: DeskError } {
  const ascii = toAsciiDigits(text.trim())
  const port = /^\d{1,5}$/.test(ascii) ? Number(ascii) : NaN
  if (!Number.isInteger(port) || port < 1024 || port > 65535)
    return { ok: false, error: DeskError.field('port', 'must be a number from 1024 to 65535') }
  return { ok: true, port }
}
