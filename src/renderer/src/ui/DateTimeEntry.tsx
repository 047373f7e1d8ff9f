/**
 * A date (and time) box that reads and writes day first, as Bangladesh writes dates: it shows
 * `31/12/2026 10:00` (in Bangla digits when the user chose them) and accepts that, `2026-12-31
 * 10:00` and Bangla digits (shared/locale/dateEntry.ts). The browser's own datetime-local box is
 * not used: its text and picker follow the browser's locale, US order on most machines. The picker
 * beside it is a month grid in the desk's language with the time as two lists, 24-hour.
 */
import { addMonths, format, getDaysInMonth, isSameDay, isValid, parse, startOfMonth } from 'date-fns'
import { bn as bnDates } from 'date-fns/locale'
import { observer } from 'mobx-react-lite'
import { useEffect, useLayoutEffect, useRef, useState, type InputHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDigits } from '../../../shared/labels'
import { DATE_ENTRY, DATE_TIME_ENTRY, parseDateTimeEntry } from '../../../shared/locale/dateEntry'
import { localeOf } from '../../../shared/locale/display'
import { cx } from './cx'
import s from './DateTimeEntry.module.css'

/** The form's value: a datetime-local string (`2026-12-31T10:00`), or `2026-12-31` for a date alone. */
const VALUE_TIME = "yyyy-MM-dd'T'HH:mm"
const VALUE_DATE = 'yyyy-MM-dd'

/** A value from the form: datetime-local, or any way a person types a date (a form may keep the text). */
function fromValue(value: string, withTime: boolean): Date | null {
  if (!value) return null
  const d = parse(value, withTime ? VALUE_TIME : VALUE_DATE, new Date())
  return isValid(d) ? d : parseDateTimeEntry(value)
}

/** What the box shows for a date: day first, in the user's digits. */
function shown(d: Date, withTime: boolean): string {
  return formatDigits(format(d, withTime ? DATE_TIME_ENTRY : DATE_ENTRY))
}

export interface DateTimeEntryProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange'
> {
  value: string
  /** The datetime-local (or date) string of what was typed, or the text as typed while it is no date. */
  onChange: (value: string) => void
  /** False: a date alone. */
  withTime?: boolean
}

export const DateTimeEntry = observer(function DateTimeEntry(props: DateTimeEntryProps) {
  const { value, onChange, withTime = true, id, ...rest } = props
  const { t } = useTranslation()
  const [text, setText] = useState(() => {
    const d = fromValue(value, withTime)
    return d ? shown(d, withTime) : value
  })
  const emitted = useRef(value)
  // Bangla digits switched on or off: the same date, written again in the new digits.
  const digits = localeOf().digits
  useEffect(() => {
    setText((current) => {
      const d = parseDateTimeEntry(current)
      return d ? shown(d, withTime) : current
    })
  }, [digits, withTime])
  const [open, setOpen] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  // A value set from outside (a reset, a default) replaces the text; our own echo does not.
  useEffect(() => {
    if (value === emitted.current) return
    emitted.current = value
    const d = fromValue(value, withTime)
    setText(d ? shown(d, withTime) : value)
  }, [value, withTime])

  function emit(next: string) {
    emitted.current = next
    onChange(next)
  }

  function typed(raw: string) {
    setText(raw)
    const d = parseDateTimeEntry(raw)
    emit(d ? format(d, withTime ? VALUE_TIME : VALUE_DATE) : raw)
  }

  function picked(d: Date) {
    setText(shown(d, withTime))
    emit(format(d, withTime ? VALUE_TIME : VALUE_DATE))
  }

  return (
    <div className={s.entry}>
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={withTime ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy'}
        value={text}
        onChange={(e) => typed(e.target.value)}
        aria-keyshortcuts="Alt+ArrowDown"
        onKeyDown={(e) => {
          if (e.altKey && e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
          }
        }}
        {...rest}
      />
      {/* Out of the Tab order: the desk's forms are filled with Tab alone; Alt+↓ opens it from the box. */}
      <button
        type="button"
        tabIndex={-1}
        className={s.open}
        aria-label={t('common.picker.open')}
        aria-expanded={open}
        aria-haspopup="dialog"
        disabled={rest.disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">▦</span>
      </button>
      {open && (
        <Picker
          value={parseDateTimeEntry(text) ?? fromValue(value, withTime)}
          withTime={withTime}
          onPick={picked}
          onClose={() => {
            setOpen(false)
            input.current?.focus()
          }}
        />
      )}
    </div>
  )
})

const HOURS = Array.from({ length: 24 }, (_, i) => i)
const MINUTES = Array.from({ length: 12 }, (_, i) => i * 5)
const pad = (n: number) => String(n).padStart(2, '0')

/** The month grid and the time: every choice fills the box at once; Done or Escape closes it. */
const Picker = observer(function Picker(props: {
  value: Date | null
  withTime: boolean
  onPick: (d: Date) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const bangla = localeOf().language === 'bn'
  const chosen = props.value ?? new Date(new Date().setHours(10, 0, 0, 0))
  const [month, setMonth] = useState(() => startOfMonth(chosen))
  const panel = useRef<HTMLDivElement>(null)
  const dates = bangla ? { locale: bnDates } : {}
  const [above, setAbove] = useState(false)
  const [end, setEnd] = useState(false)

  // Low on a 768-pixel screen the panel would run off the bottom: open it above the box instead.
  useLayoutEffect(() => {
    const box = panel.current?.getBoundingClientRect()
    const entry = panel.current?.parentElement?.getBoundingClientRect()
    if (box && entry && box.bottom > window.innerHeight && entry.top > box.height + 8) setAbove(true)
    // At the right end of a toolbar: line it up with the box's right edge, not past the window's.
    if (box && entry && box.right > window.innerWidth && entry.right > box.width) setEnd(true)
  }, [])

  useEffect(() => {
    // No scrolling: the panel is placed to fit (above or below the box) before this runs.
    panel.current
      ?.querySelector<HTMLElement>('[aria-pressed="true"], [data-today]')
      ?.focus({ preventScroll: true })
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      props.onClose()
    }
    const onDown = (e: MouseEvent) => {
      if (!panel.current?.parentElement?.contains(e.target as Node)) props.onClose()
    }
    window.addEventListener('keydown', onKey, true)
    window.addEventListener('mousedown', onDown)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      window.removeEventListener('mousedown', onDown)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the picker opens
  }, [])

  const at = (day: number, h = chosen.getHours(), m = chosen.getMinutes()) =>
    new Date(month.getFullYear(), month.getMonth(), day, props.withTime ? h : 0, props.withTime ? m : 0)
  const lead = month.getDay() // Sunday first, as date-fns' Bangla calendar and the wall calendars here
  const days = Array.from({ length: getDaysInMonth(month) }, (_, i) => i + 1)
  const weekdays = Array.from({ length: 7 }, (_, i) => format(new Date(2026, 10, 29 + i), 'EEEEEE', dates))

  return (
    <div
      ref={panel}
      className={cx(s.panel, above && s.above, end && s.end)}
      role="dialog"
      aria-label={t('common.picker.open')}
    >
      <div className={s.head}>
        <button
          type="button"
          aria-label={t('common.picker.previous')}
          onClick={() => setMonth(addMonths(month, -1))}
        >
          ‹
        </button>
        <strong aria-live="polite">{formatDigits(format(month, 'MMMM yyyy', dates))}</strong>
        <button
          type="button"
          aria-label={t('common.picker.next')}
          onClick={() => setMonth(addMonths(month, 1))}
        >
          ›
        </button>
      </div>
      {/* A group of day buttons, not an ARIA grid: a grid needs rows of gridcells and its own arrow keys. */}
      <div className={s.grid} role="group" aria-label={formatDigits(format(month, 'MMMM yyyy', dates))}>
        {weekdays.map((w) => (
          <span key={w} className={s.weekday} aria-hidden="true">
            {w}
          </span>
        ))}
        {days.map((day) => {
          const d = at(day)
          const selected = props.value ? isSameDay(d, props.value) : false
          return (
            <button
              key={day}
              type="button"
              className={s.day}
              style={day === 1 ? { gridColumnStart: lead + 1 } : undefined}
              aria-pressed={selected}
              aria-label={formatDigits(format(d, 'EEEE d MMMM yyyy', dates))}
              data-today={isSameDay(d, new Date()) ? '' : undefined}
              onClick={() => props.onPick(d)}
            >
              {formatDigits(day)}
            </button>
          )
        })}
      </div>
      <div className={s.foot}>
        {props.withTime && (
          <>
            <select
              aria-label={t('common.picker.hour')}
              value={chosen.getHours()}
              onChange={(e) => props.onPick(at(chosen.getDate(), Number(e.target.value)))}
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {formatDigits(pad(h))}
                </option>
              ))}
            </select>
            <span aria-hidden="true">:</span>
            <select
              aria-label={t('common.picker.minute')}
              value={chosen.getMinutes() - (chosen.getMinutes() % 5)}
              onChange={(e) => props.onPick(at(chosen.getDate(), chosen.getHours(), Number(e.target.value)))}
            >
              {MINUTES.map((m) => (
                <option key={m} value={m}>
                  {formatDigits(pad(m))}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" className="btn btn--primary btn--small" onClick={props.onClose}>
          {t('common.picker.done')}
        </button>
      </div>
    </div>
  )
})
