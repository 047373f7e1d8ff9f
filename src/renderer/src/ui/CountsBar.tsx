import s from './CountsBar.module.css'

export interface Counts {
  available: number
  reserved: number
  occupied: number
  maintenance: number
  total: number
}

const PARTS = ['available', 'reserved', 'occupied', 'maintenance'] as const

export const PART_LABEL: Record<(typeof PARTS)[number], string> = {
  available: 'Available',
  reserved: 'Reserved',
  occupied: 'Occupied',
  maintenance: 'Maintenance',
}

/** Available / reserved / occupied / maintenance as one colour-coded bar, read out in words. */
export function CountsBar({ counts, label }: { counts: Counts; label?: string }) {
  const total = Math.max(1, counts.total)
  return (
    <div
      className={s.bar}
      role="img"
      aria-label={`${label ? `${label}: ` : ''}${counts.available} available, ${counts.reserved} reserved, ${counts.occupied} occupied, ${counts.maintenance} in maintenance, of ${counts.total}`}
    >
      {PARTS.map((p) =>
        counts[p] > 0 ? (
          <span key={p} className={s[p]} style={{ width: `${(counts[p] / total) * 100}%` }} />
        ) : null,
      )}
    </div>
  )
}

/** The key to CountsBar's colours; `only` limits it to the parts a screen shows. */
export function Legend({ only }: { only?: readonly (typeof PARTS)[number][] }) {
  return (
    <div className={s.legend}>
      {(only ?? PARTS).map((p) => (
        <span key={p}>
          <i className={s[p]} />
          {PART_LABEL[p]}
        </span>
      ))}
    </div>
  )
}
