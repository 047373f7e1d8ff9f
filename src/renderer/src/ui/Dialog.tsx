import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { cx } from './cx'
import s from './Dialog.module.css'

/** Open dialogs, oldest first: Escape closes only the last one. */
const stack: string[] = []

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog: focus moves in and stays in (Tab cycles), Escape or the backdrop closes the one on
 * top, focus returns where it was, and a tall dialog scrolls inside the window instead of clipping.
 */
export function Dialog(props: {
  title: string
  subtitle?: ReactNode
  onClose: () => void
  wide?: boolean
  className?: string
  /** While true, Escape and the backdrop do nothing (a save is under way). */
  busy?: boolean
  /** A panel along the right edge, full height (notifications), instead of a centred box. */
  side?: boolean
  /** Printing prints this dialog alone (a slip, a receipt): it is rendered outside the desk. */
  printable?: boolean
  /** Extra content in the header, before the close button. */
  headerActions?: ReactNode
  children: ReactNode
}) {
  const { onClose, busy } = props
  const { t } = useTranslation()
  const id = useId()
  const ref = useRef<HTMLElement>(null)
  const closeRef = useRef(onClose)
  closeRef.current = onClose
  const busyRef = useRef(busy)
  busyRef.current = busy

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    stack.push(id)
    const section = ref.current!
    if (!section.contains(document.activeElement)) {
      const first = section.querySelector<HTMLElement>(`[autofocus], ${FOCUSABLE}`)
      ;(first ?? section).focus()
    }
    const onKey = (e: KeyboardEvent) => {
      if (stack[stack.length - 1] !== id) return
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        if (!busyRef.current) closeRef.current()
      } else if (e.key === 'Tab') {
        const items = [...section.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent)
        if (!items.length) return
        const first = items[0]!
        const last = items[items.length - 1]!
        if (e.shiftKey && (document.activeElement === first || !section.contains(document.activeElement))) {
          e.preventDefault()
          last.focus()
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault()
          first.focus()
        }
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      stack.splice(stack.indexOf(id), 1)
      if (before && document.contains(before)) before.focus()
    }
  }, [id])

  const dialog = (
    <div
      className={cx(s.overlay, props.side && s.sideOverlay)}
      data-overlay=""
      onMouseDown={(e) => {
        if (e.target === e.currentTarget && !busyRef.current) onClose()
      }}
    >
      <section
        ref={ref}
        className={cx(s.dialog, props.wide && s.wide, props.side && s.side, props.className)}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        tabIndex={-1}
      >
        <header className={s.header}>
          <div>
            <h2 id={`${id}-title`} className={s.title}>
              {props.title}
            </h2>
            {props.subtitle && <p className={s.subtitle}>{props.subtitle}</p>}
          </div>
          {props.headerActions}
          <button
            type="button"
            className={cx('btn btn--ghost btn--small no-print', s.close)}
            onClick={onClose}
            disabled={busy}
            aria-label={t('ui.dialog.close')}
          >
            ✕
          </button>
        </header>
        {props.children}
      </section>
    </div>
  )
  return props.printable ? createPortal(<div className="print-sheet">{dialog}</div>, document.body) : dialog
}

/** True while any dialog is open (the desk's single-key shortcuts stand aside). */
export function dialogOpen(): boolean {
  return stack.length > 0
}
