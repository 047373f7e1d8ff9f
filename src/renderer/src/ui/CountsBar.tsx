import { useTranslation } from 'react-i18next'
import { formatCount } from '../../../shared/labels'
import s from './CountsBar.module.css'

export interface Counts {
  available: number
  reserved: number
  occupied: number
  maintenance: number
  total: number
}

const PARTS = ['available', 'reserved', 'occupied', 'maintenance'] as const

/** Available / reserved / occupied / maintenance as one colour-coded bar, read out in words. */
export function CountsBar({ counts, label }: { counts: Counts; label?: string }) {
  // The words live with the resources (areas/resources.ts): they are the resource counts' words.
  const { t } = useTranslation()
  const total = Math.max(1, counts.total)
  const said = t('resources.counts.said', {
    available: formatCount(counts.available),
    reserved: formatCount(counts.reserved),
    occupied: formatCount(counts.occupied),
    maintenance: formatCount(counts.maintenance),
    total: formatCount(counts.total),
  })
  return (
    <div className={s.bar} role="img" aria-label={label ? `${label}: ${said}` : said}>
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
  const { t } = useTranslation()
  return (
    <div className={s.legend}>
      {(only ?? PARTS).map((p) => (
        <span key={p}>
          <i className={s[p]} />
          {t(`resources.counts.${p}`)}
        </span>
      ))}
    </div>
  )
}
