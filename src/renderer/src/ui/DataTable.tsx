import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskError } from '../../../shared/errors'
import { cx } from './cx'
import s from './DataTable.module.css'

export interface Column<T> {
  /** The header; use `srHeader` for a column whose header is not shown (it is still read out). */
  header: string
  srHeader?: boolean
  cell: (row: T, index: number) => ReactNode
  align?: 'num' | 'nowrap' | 'actions'
  className?: string
}

/**
 * A list as a table, with its three states looking different: loading (a spinner, or the old rows
 * dimmed while a new page comes), empty (a sentence saying what is missing) and error (the message
 * and Retry). Rows with `onOpen` are reachable by keyboard: ↑/↓ move, Enter opens.
 */
export function DataTable<T>(props: {
  label: string
  columns: readonly Column<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string | number
  loading?: boolean
  error?: DeskError | null
  onRetry?: () => void
  /** What an empty list means, in a sentence ("No payments match these filters."). */
  empty: ReactNode
  onOpen?: (row: T, index: number) => void
  selected?: number | null
  rowClassName?: (row: T) => string | undefined
  rowLabel?: (row: T) => string
  /** A closing line under the rows (a count, a sum). */
  footer?: ReactNode
  className?: string
}) {
  const { rows, columns, loading, error, onOpen } = props
  const { t } = useTranslation()
  const body = useRef<HTMLTableSectionElement>(null)
  const first = loading && rows.length === 0

  function onKey(e: KeyboardEvent<HTMLTableRowElement>, row: T, i: number) {
    if (e.key === 'Enter' && onOpen && e.target === e.currentTarget) {
      e.preventDefault()
      onOpen(row, i)
      return
    }
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
    if (!step) return
    const next = body.current?.children[i + step] as HTMLElement | undefined
    if (next) {
      e.preventDefault()
      next.focus()
    }
  }

  let state: ReactNode = null
  if (error)
    state = (
      <div className={s.error} role="alert">
        {error.message}
        {props.onRetry && (
          <button type="button" className="btn btn--small" onClick={props.onRetry}>
            {t('ui.table.retry')}
          </button>
        )}
      </div>
    )
  else if (first) state = <div className={s.loading}>{t('ui.table.loading')}</div>
  else if (!loading && rows.length === 0) state = <div className={s.empty}>{props.empty}</div>

  return (
    <div className={cx(s.wrap, props.className)} aria-busy={loading || undefined}>
      <table className={cx(s.table, loading && rows.length > 0 && s.stale)} aria-label={props.label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.align ? s[c.align] : undefined}>
                {c.srHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        {!error && (
          <tbody ref={body}>
            {rows.map((row, i) => (
              <tr
                key={props.rowKey(row)}
                className={cx(
                  onOpen && s.clickable,
                  props.selected === i && s.selected,
                  props.rowClassName?.(row),
                )}
                tabIndex={onOpen ? 0 : undefined}
                aria-current={props.selected === i ? true : undefined}
                aria-label={props.rowLabel?.(row)}
                onClick={
                  onOpen
                    ? (e) => {
                        if (!(e.target as HTMLElement).closest('button, a, input, select, textarea'))
                          onOpen(row, i)
                      }
                    : undefined
                }
                onKeyDown={(e) => onKey(e, row, i)}
              >
                {columns.map((c) => (
                  <td key={c.header} className={cx(c.align && s[c.align], c.className)}>
                    {c.cell(row, i)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        )}
        {props.footer && rows.length > 0 && !error && (
          <tfoot>
            <tr>
              <td colSpan={columns.length} className={s.footer}>
                {props.footer}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
      {state}
    </div>
  )
}
