import { useTranslation } from 'react-i18next'
import { formatCount } from '../../../shared/labels'
import s from './Pager.module.css'

/**
 * "26–50 of 1,204 hospitals" with Previous and Next; nothing when one page holds everything.
 *
 * `words` names the list's own catalogue words (`<words>.range_one/_other`, `<words>.pages`): the
 * whole sentence, noun and all, is the catalogue's in each language. A noun stuck on after a
 * generic range read "৩০টির মধ্যে ১–২৫ হাসপাতাল" in Bangla, and a noun passed in was never counted.
 * Without `words` the range has no noun ("26–50 of 1,204").
 */
export function Pager(props: {
  offset: number
  pageSize: number
  total: number
  onPage: (offset: number) => void
  words?: string
}) {
  const { offset, pageSize, total, onPage, words } = props
  const { t } = useTranslation()
  if (total <= pageSize && offset === 0) return null
  const last = Math.min(offset + pageSize, total)
  const range = { from: formatCount(offset + 1), to: formatCount(last), total: formatCount(total) }
  return (
    <nav className={s.pager} aria-label={words ? t(`${words}.pages`) : t('ui.pager.pages')}>
      <span>{words ? t(`${words}.range`, { ...range, count: total }) : t('ui.pager.range', range)}</span>
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
