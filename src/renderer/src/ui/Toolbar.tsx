import { observer } from 'mobx-react-lite'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { cx } from './cx'
import s from './Toolbar.module.css'

interface FilterSelectBase<V extends string | number> {
  /** What the select picks, read out; pass the same words where a visible label stands beside it. */
  label: string
  values: readonly V[]
  name: (value: V) => string
  wide?: boolean
  /** For a visible `<label htmlFor>` beside the select. */
  id?: string
}

/**
 * A list's filter as a select: "Any …" first (the empty value, no filter), then one option a
 * value. Its label is read out, not shown: the "Any …" words say what it filters.
 */
export function FilterSelect<V extends string | number>(
  props: FilterSelectBase<V> & { any: string; value: V | ''; onChange: (value: V | '') => void },
): ReactNode
/** Without `any`: one of the values is always picked (the hospital shown, a report's size). */
export function FilterSelect<V extends string | number>(
  props: FilterSelectBase<V> & { any?: undefined; value: V; onChange: (value: V) => void },
): ReactNode
export function FilterSelect<V extends string | number>(
  props: FilterSelectBase<V> & { any?: string; value: V | ''; onChange: (value: V | '') => void },
) {
  const { values } = props
  return (
    <select
      id={props.id}
      className={cx('input', !props.wide && 'input--narrow')}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => {
        const picked = values.find((v) => String(v) === e.target.value)
        props.onChange(picked ?? '')
      }}
    >
      {props.any !== undefined && <option value="">{props.any}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {props.name(v)}
        </option>
      ))}
    </select>
  )
}

/**
 * Rows with an id as a FilterSelect's values and names (hospitals, staff): spread it into the
 * select. The names are looked up once, not searched for every option.
 */
export function idChoices<T extends { id: number; name: string }>(
  rows: readonly T[],
  name: (row: T) => string = (row) => row.name,
): { values: number[]; name: (id: number) => string } {
  const names = new Map(rows.map((r) => [r.id, name(r)]))
  return { values: [...names.keys()], name: (id) => names.get(id) ?? `#${id}` }
}

/** How long typing must pause before a search runs: a list is not re-read on every key. */
const PAUSE_MS = 250

/** A list's search box: it keeps what is typed and tells the list once typing pauses. */
export function SearchBox(props: {
  label: string
  placeholder: string
  value: string
  onSearch: (text: string) => void
}) {
  const [text, setText] = useState(props.value)
  const latest = useRef(props)
  latest.current = props
  useEffect(() => {
    if (text === latest.current.value) return
    const t = setTimeout(() => latest.current.onSearch(text), PAUSE_MS)
    return () => clearTimeout(t)
  }, [text])
  return (
    <input
      className={cx('input', s.search)}
      type="search"
      placeholder={props.placeholder}
      aria-label={props.label}
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  )
}

/** A screen's title, the sentence under it, and its actions on the right. */
export function PageHeader(props: {
  title: ReactNode
  subtitle?: ReactNode
  children?: ReactNode
  titleClassName?: string
}) {
  return (
    <header className="page__header">
      <div>
        <h1 className={props.titleClassName}>{props.title}</h1>
        {props.subtitle && <p className="muted">{props.subtitle}</p>}
      </div>
      {props.children}
    </header>
  )
}

/** One filter of a list: the filter's key in the list's filters, its values and their words. */
export interface FilterSpec {
  key: string
  values: readonly (string | number)[]
  name: (value: never) => string
  wide?: boolean
}

export function filterOf<V extends string | number>(
  key: string,
  values: readonly V[],
  name: (value: V) => string,
  wide = false,
): FilterSpec {
  return { key, values, name: name as (value: never) => string, wide }
}

/**
 * A list's filters as selects bound to its PagedQuery: each reads `filters[key]` and narrows the
 * list on change. Words come from the area's catalogue: `<words>.<key>` (the label read out) and
 * `<words>.<key>Any` (the no-filter choice).
 */
export const ListFilters = observer(function ListFilters(props: {
  list: { filters: object; filter(patch: never): unknown }
  words: string
  filters: readonly FilterSpec[]
}) {
  const { t } = useTranslation()
  const current = props.list.filters as Record<string, string | number | undefined>
  const filter = props.list.filter.bind(props.list) as (patch: Record<string, unknown>) => unknown
  return (
    <>
      {props.filters.map((f) => (
        <FilterSelect
          key={f.key}
          label={t(`${props.words}.${f.key}`)}
          any={t(`${props.words}.${f.key}Any`)}
          value={current[f.key] ?? ''}
          values={f.values}
          name={f.name as (value: string | number) => string}
          onChange={(v) => void filter({ [f.key]: v })}
          wide={f.wide}
        />
      ))}
    </>
  )
})
