import type { ReactNode } from 'react'
import { cx } from './cx'
import s from './Tabs.module.css'

export interface Choice<T extends string> {
  value: T
  label: ReactNode
}

/**
 * Tabs that switch what a list shows. Arrow keys move between them (the tablist pattern); `value`
 * may be null when none is selected (a search across every tab).
 */
export function Tabs<T extends string>(props: {
  label: string
  choices: readonly Choice<T>[]
  value: T | null
  onChange: (value: T) => void
}) {
  const { choices, value, onChange } = props
  function onKey(e: React.KeyboardEvent, i: number) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    e.preventDefault()
    const next = choices[(i + step + choices.length) % choices.length]!
    onChange(next.value)
    const buttons = (e.currentTarget.parentElement as HTMLElement).querySelectorAll('button')
    ;(buttons[(i + step + choices.length) % choices.length] as HTMLElement | undefined)?.focus()
  }
  return (
    <div className={s.tabs} role="tablist" aria-label={props.label}>
      {choices.map((c, i) => (
        <button
          key={c.value}
          type="button"
          role="tab"
          aria-selected={value === c.value}
          tabIndex={value === c.value || (value === null && i === 0) ? 0 : -1}
          className={cx(s.tab, value === c.value && s.active)}
          onClick={() => onChange(c.value)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {c.label}
        </button>
      ))}
    </div>
  )
}

/** A row of toggle buttons for one filter (exactly one pressed). */
export function Segmented<T extends string>(props: {
  label: string
  choices: readonly Choice<T>[]
  value: T
  onChange: (value: T) => void
}) {
  return (
    <div className={s.segmented} role="group" aria-label={props.label}>
      {props.choices.map((c) => (
        <button
          key={c.value}
          type="button"
          className={cx(s.segment, props.value === c.value && s.on)}
          aria-pressed={props.value === c.value}
          onClick={() => props.onChange(c.value)}
        >
          {c.label}
        </button>
      ))}
    </div>
  )
}
