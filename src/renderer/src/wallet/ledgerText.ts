/**
 * A ledger line's description in the reader's language. Main writes the description once, in
 * English, when the cash moves, and the ledger keeps it as written (it is the record). The lines main
 * writes have a fixed shape, so the drawer recognises them and says them again from the catalogue; a
 * description a person typed ("Opening float") is shown as typed. A shape not recognised — an older
 * or newer main — falls back to the stored text, never to nothing.
 */
import { formatDigits } from '../../../shared/labels'

/** The catalogue's translate (the screen passes its `t`; a test, its own i18next). */
export type Say = (key: string, params: Record<string, string | undefined>) => string

/** "RC-2026-000001", or main's "booking #7" for a booking without a reference. */
function booking(text: string, t: Say): string {
  const bare = /^booking #(\d+)$/.exec(text)
  return bare ? t('wallet.entry.booking', { id: formatDigits(bare[1]!) }) : text
}

const SHAPES: [RegExp, (m: string[], t: Say) => string][] = [
  [
    /^Cash payment #(\d+) for (.+) \((.*)\)$/s,
    ([, id, ref, patient], t) =>
      t('wallet.entry.payment', { id: formatDigits(id!), booking: booking(ref!, t), patient }),
  ],
  [
    /^Cash refund on payment #(\d+) \((.+?)\): (.*)$/s,
    ([, id, ref, reason], t) =>
      t('wallet.entry.refund', { id: formatDigits(id!), booking: booking(ref!, t), reason }),
  ],
  [/^Cash added: (.*)$/s, ([, description], t) => t('wallet.entry.added', { description })],
  [
    /^Shift close: counted (\S+), expected (\S+), (over|short) by (\S+)\. (.*)$/s,
    ([, counted, expected, side, difference, reason], t) =>
      t(side === 'over' ? 'wallet.entry.closeOver' : 'wallet.entry.closeShort', {
        counted: formatDigits(counted!),
        expected: formatDigits(expected!),
        difference: formatDigits(difference!),
        reason,
      }),
  ],
  [/^Shift close: handed over to the safe$/, (_, t) => t('wallet.entry.handedOver', {})],
]

export function ledgerText(description: string | null, t: Say): string {
  if (description === null) return ''
  for (const [shape, say] of SHAPES) {
    const m = shape.exec(description)
    if (m) return say([...m], t)
  }
  return description
}
