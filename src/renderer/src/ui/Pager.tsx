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
  if (total <= pageSize && offset === 0) return null
  const last = Math.min(offset + pageSize, total)
  return (
    <nav className={s.pager} aria-label={`Pages${props.noun ? ` of ${props.noun}` : ''}`}>
      <span>
        {formatCount(offset + 1)}–{formatCount(last)} of {props.capped ? 'over ' : ''}
        {formatCount(total)}
        {props.noun ? ` ${props.noun}` : ''}
      </span>
      <button
        className="btn btn--small"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - pageSize))}
      >
        Previous
      </button>
      <button className="btn btn--small" disabled={last >= total} onClick={() => onPage(offset + pageSize)}>
        Next
      </button>
    </nav>
  )
}
