import { useTranslation } from 'react-i18next'
import { formatCount } from '../../../shared/labels'
import s from './Pager.module.css'

/** "26–50 of 1,204 payments" with Previous and Next; nothing when one page holds everything. */
export function Pager(props: {
  offset: number
  pageSize: number
  total: number
  onPage: (offset: number) => void
  noun?: string
  /** The total is a lower bound (the desk stopped counting). */
  capped?: boolean
}) {
  const { offset, pageSize, total, onPage } = props
  const { t } = useTranslation()
  if (total <= pageSize && offset === 0) return null
  const last = Math.min(offset + pageSize, total)
  return (
    <nav
      className={s.pager}
      aria-label={props.noun ? t('ui.pager.pagesOf', { noun: props.noun }) : t('ui.pager.pages')}
    >
      <span>
        {t(props.capped ? 'ui.pager.rangeCapped' : 'ui.pager.range', {
          from: formatCount(offset + 1),
          to: formatCount(last),
          total: formatCount(total),
        })}
        {props.noun ? ` ${props.noun}` : ''}
      </span>
      <button
        className="btn btn--small"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - pageSize))}
      >
        {t('ui.pager.previous')}
      </button>
      <button className="btn btn--small" disabled={last >= total} onClick={() => onPage(offset + pageSize)}>
        {t('ui.pager.next')}
      </button>
    </nav>
  )
}
