import { observer } from 'mobx-react-lite'
import type { ReactNode } from 'react'
import type { DeskError } from '../../../shared/errors'
import { DataTable, type Column } from './DataTable'
import { Pager } from './Pager'

/** What PagedTable reads of a list store's PagedQuery (stores/paged.ts). */
export interface PagedList<T> {
  items: readonly T[]
  total: number
  offset: number
  pageSize: number
  loading: boolean
  error: DeskError | null
  load(): Promise<void>
  page(offset: number): Promise<void>
}

interface PagedTableProps<T> {
  list: PagedList<T>
  label: string
  columns: readonly Column<T>[]
  rowKey: (row: T) => string | number
  empty: ReactNode
  /** The catalogue words of what the pager counts (see Pager): 'staff.pager'. */
  words?: string
  onOpen?: (row: T) => void
  rowLabel?: (row: T) => string
}

/** A list store's page as a table, with the pager under it: the shape every paged list has. */
export const PagedTable = observer(function PagedTable<T>(props: PagedTableProps<T>) {
  const { list } = props
  return (
    <>
      <DataTable
        label={props.label}
        columns={props.columns}
        rows={list.items}
        rowKey={props.rowKey}
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.load()}
        empty={props.empty}
        onOpen={props.onOpen}
        rowLabel={props.rowLabel}
      />
      <Pager
        offset={list.offset}
        total={list.total}
        pageSize={list.pageSize}
        onPage={(o) => void list.page(o)}
        words={props.words}
      />
    </>
  )
}) as <T>(props: PagedTableProps<T>) => ReactNode
