import { useTranslation } from 'react-i18next'
import type { ResourceView } from '../../../shared/contract/resources'
import { formatPercent, occupancyPercent } from '../../../shared/occupancy'
import type { ResourceType } from '../../../shared/schemas'
import styles from './reports.module.css'

/**
 * A hospital's name on the availability board with its occupancy now beside it: occupied ÷ (total −
 * maintenance) of the resources the board shows, the census's own rule.
 */
export function HospitalHeading({
  name,
  resources,
  types,
}: {
  name: string
  resources: Partial<Record<ResourceType, ResourceView>>
  types: ResourceType[]
}) {
  const { t } = useTranslation()
  const shown = types.map((t) => resources[t]).filter((r): r is ResourceView => !!r)
  const percent = occupancyPercent({
    occupied: shown.reduce((a, r) => a + r.occupied, 0),
    total: shown.reduce((a, r) => a + r.total, 0),
    maintenance: shown.reduce((a, r) => a + r.maintenance, 0),
  })
  return (
    <div className={styles.boardHead}>
      <h3 className={styles.boardName} title={name}>
        {name}
      </h3>
      <span
        className={`${styles.occupancyTag}${percent !== null && percent >= 90 ? ` ${styles.occupancyHigh}` : ''}`}
        title={t('reports.board.rule')}
      >
        {t('reports.board.occupiedNow', { percent: formatPercent(percent) })}
      </span>
    </div>
  )
}
