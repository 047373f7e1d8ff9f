import { useEffect, useRef, useState, type ReactNode } from 'react'
import { cx } from './cx'

/**
 * A list's filter as a select: "Any …" first (the empty value, no filter), then one option a
 * value. Its label is read out, not shown: the "Any …" words say what it filters.
 */
export function FilterSelect<V extends string | number>(props: {
  label: string
  any: string
  value: V | ''
  values: readonly V[]
  name: (value: V) => string
  onChange: (value: V | '') => void
  wide?: boolean
}) {
  const { values } = props
  return (
    <select
      className={cx('input', !props.wide && 'input--narrow')}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => {
        const picked = values.find((v) => String(v) === e.target.value)
        props.onChange(picked ?? '')
      }}
    >
      <option value="">{props.any}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {props.name(v)}
        </option>
      ))}
    </select>
  )
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
      className="input"
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
