import { observer } from 'mobx-react-lite'
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import type { Booking } from '../../../shared/contract/bookings'
import { RESOURCE_TYPES, URGENCIES, type ResourceType, type Urgency } from '../../../shared/schemas'
import { ErrorBanner } from '../components/Form'
import { allowedActions, VIEW_LABEL, viewsFor } from '../stores/bookings'
import { useStores } from '../stores/root'
import { BookingDetailScreen } from './BookingsDetail'
import { RESOURCE_NAME, shortWhen, StatusBadge, UrgencyBadge } from './BookingsUi'
import '../bookings.css'
import { useLive } from '../live/useLive'

/** Is the keyboard busy typing somewhere? Then single-key shortcuts stay out of the way. */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}

/** The Bookings area: the queue, or the booking opened from it. */
export const BookingsScreen = observer(function BookingsScreen() {
  const { bookings } = useStores()
  useLive(['bookings', 'resources'], () => bookings.refresh())
  if (bookings.openId !== null) return <BookingDetailScreen />
  return <QueueScreen />
})

const QueueScreen = observer(function QueueScreen() {
  const { bookings, notifications, session, ui } = useStores()
  const user = session.user!
  const role = user.role
  const searchRef = useRef<HTMLInputElement>(null)
  const tableRef = useRef<HTMLTableSectionElement>(null)

  useEffect(() => {
    bookings.startFor(role)
    void notifications.refresh()
  }, [bookings, notifications, role])

  // Focus the search box when asked (the `/` shortcut), also right after arriving here.
  useEffect(() => {
    if (bookings.focusSearchTick) searchRef.current?.focus()
  }, [bookings.focusSearchTick])

  // A search runs a moment after the typing stops.
  const search = bookings.search
  useEffect(() => {
    const timer = setTimeout(() => void bookings.load(), 200)
    return () => clearTimeout(timer)
  }, [bookings, search])

  // Keep the highlighted row in view.
  const cursor = bookings.cursor
  useEffect(() => {
    tableRef.current?.querySelector('tr.is-selected')?.scrollIntoView({ block: 'nearest' })
  }, [cursor])

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return
      if (document.querySelector('.overlay')) return
      const b = bookings.selected
      if (e.key === 'j' || e.key === 'ArrowDown') bookings.move(1)
      else if (e.key === 'k' || e.key === 'ArrowUp') bookings.move(-1)
      else if (e.key === 'Enter' && b) void bookings.open(b.id)
      else if (e.key === 'a' && b && allowedActions(role, b.status).includes('approve'))
        void bookings.act('approve', b.id)
      else if (e.key === 'd' && b && allowedActions(role, b.status).includes('decline'))
        bookings.startDecline(b.id)
      else if (e.key === 'm' && b && allowedActions(role, b.status).includes('admit'))
        void bookings.act('admit', b.id)
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [bookings, role])

  const views = viewsFor(role)
  const scoped = role === 'hospital-authority' || (role === 'user' && user.hospitalId !== null)
  const title =
    role === 'hospital-authority' ? 'Approval queue' : role === 'user' ? 'Bookings' : 'All bookings'
  const subtitle =
    role === 'hospital-authority'
      ? 'Your hospital’s bookings, most urgent first. A approves, D declines with a reason.'
      : role === 'user'
        ? 'Today’s bookings and admissions. Press N for a new booking, / to search.'
        : 'Every hospital’s bookings, most urgent first.'
  const searching = bookings.search.trim() !== ''
  const from = bookings.total === 0 ? 0 : bookings.offset + 1
  const to = bookings.offset + bookings.items.length

  return (
    <section className="page bookings">
      <header className="page__header">
        <div>
          <h1>{title}</h1>
          <p className="muted">{subtitle}</p>
        </div>
        {role === 'user' && (
          <button className="btn btn--primary" onClick={() => ui.go('new-booking')}>
            New booking <kbd className="kbd--on-primary">N</kbd>
          </button>
        )}
      </header>

      <div className="tabs" role="tablist" aria-label="Which bookings">
        {views.map((v) => (
          <button
            key={v}
            role="tab"
            aria-selected={!searching && bookings.view === v}
            className={`tab${!searching && bookings.view === v ? ' tab--active' : ''}`}
            onClick={() => {
              bookings.setSearch('')
              bookings.setView(v)
            }}
          >
            {VIEW_LABEL[v]}
          </button>
        ))}
      </div>

      <div className="toolbar">
        <input
          ref={searchRef}
          className="input search"
          type="search"
          aria-label="Search bookings"
          placeholder="Search: name (any part, বাংলা too), RC-… reference or phone"
          value={bookings.search}
          onChange={(e) => bookings.setSearch(e.target.value)}
          onKeyDown={(e: ReactKeyboardEvent) => {
            if (e.key === 'Escape') {
              bookings.setSearch('')
              ;(e.target as HTMLInputElement).blur()
            }
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              ;(e.target as HTMLInputElement).blur()
              e.preventDefault()
            }
          }}
        />
        <select
          className="input"
          aria-label="Urgency"
          value={bookings.urgency}
          onChange={(e) => bookings.setUrgency(e.target.value as Urgency | '')}
        >
          <option value="">Any urgency</option>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {u[0]!.toUpperCase() + u.slice(1)}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label="Resource"
          value={bookings.resourceType}
          onChange={(e) => bookings.setResourceType(e.target.value as ResourceType | '')}
        >
          <option value="">Any resource</option>
          {RESOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {RESOURCE_NAME[t]}
            </option>
          ))}
        </select>
        {searching && (
          <span className="muted">Searching every booking{scoped ? ' of your hospital' : ''}</span>
        )}
      </div>

      <ErrorBanner error={bookings.error} />
      {/* A missing decline reason is said beside its box, not again up here. */}
      <ErrorBanner
        error={
          bookings.openId === null && !bookings.actionError?.fieldMessage('declineReason')
            ? bookings.actionError
            : null
        }
      />

      <div className="table-wrap">
        <table className="table queue" aria-label="Bookings">
          <thead>
            <tr>
              <th>Urgency</th>
              <th>Reference</th>
              <th>Patient</th>
              <th>Resource</th>
              {!scoped && <th>Hospital</th>}
              <th>Scheduled</th>
              <th>Status</th>
              <th className="queue__actions-head">Actions</th>
            </tr>
          </thead>
          <tbody ref={tableRef}>
            {bookings.items.map((b, i) => (
              <QueueRow key={b.id} booking={b} index={i} scoped={scoped} />
            ))}
          </tbody>
        </table>
        {bookings.items.length === 0 && !bookings.loading && (
          <div className="empty">
            {searching
              ? 'Nothing matches this search.'
              : `No ${VIEW_LABEL[bookings.view].toLowerCase()} bookings.`}
          </div>
        )}
      </div>
      <div className="pager">
        <span data-testid="queue-count">
          {bookings.total === 0
            ? 'None'
            : `${from}–${to} of ${bookings.total.toLocaleString()}${bookings.capped ? '+ (newest matches; refine the search)' : ''}`}
        </span>
        <button className="btn btn--small" disabled={bookings.offset === 0} onClick={() => bookings.page(-1)}>
          Previous
        </button>
        <button className="btn btn--small" disabled={to >= bookings.total} onClick={() => bookings.page(1)}>
          Next
        </button>
      </div>
    </section>
  )
})

const QueueRow = observer(function QueueRow({
  booking: b,
  index,
  scoped,
}: {
  booking: Booking
  index: number
  scoped: boolean
}) {
  const { bookings, session } = useStores()
  const role = session.user!.role
  const actions = allowedActions(role, b.status)
  const selected = bookings.cursor === index
  const declining = bookings.decliningId === b.id
  const [reason, setReason] = useState('')
  const reasonRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (declining) reasonRef.current?.focus()
  }, [declining])

  const confirmDecline = async () => {
    if (await bookings.act('decline', b.id, reason)) setReason('')
  }

  return (
    <>
      <tr
        className={`queue-row queue-row--${b.urgency}${selected ? ' is-selected' : ''}`}
        onClick={() => {
          bookings.select(index)
          void bookings.open(b.id)
        }}
        data-testid={`queue-row-${b.bookingReference}`}
      >
        <td>
          <UrgencyBadge urgency={b.urgency} />
        </td>
        <td className="mono ref">{b.bookingReference}</td>
        <td>
          <div className="patient">{b.patientName}</div>
          <div className="muted small">
            {b.patientAge} y · {b.medicalCondition}
          </div>
        </td>
        <td>{RESOURCE_NAME[b.resourceType]}</td>
        {!scoped && <td>{b.hospitalName}</td>}
        <td className="when">{shortWhen(b.scheduledDate)}</td>
        <td>
          <StatusBadge status={b.status} />
        </td>
        <td className="queue__actions" onClick={(e) => e.stopPropagation()}>
          {actions.includes('approve') && (
            <button
              className="btn btn--small btn--primary"
              disabled={bookings.busy}
              onClick={() => void bookings.act('approve', b.id)}
              title="Approve (A)"
            >
              Approve
            </button>
          )}
          {actions.includes('decline') && !declining && (
            <button
              className="btn btn--small"
              onClick={() => bookings.startDecline(b.id)}
              title="Decline (D)"
            >
              Decline
            </button>
          )}
          {actions.includes('admit') && (
            <button
              className="btn btn--small btn--primary"
              disabled={bookings.busy}
              onClick={() => void bookings.act('admit', b.id)}
              title="Admit (M)"
            >
              Admit
            </button>
          )}
        </td>
      </tr>
      {declining && (
        <tr className="queue-decline">
          <td colSpan={scoped ? 7 : 8}>
            <form
              className="inline-reason"
              onSubmit={(e) => {
                e.preventDefault()
                void confirmDecline()
              }}
            >
              <label htmlFor={`decline-${b.id}`}>Reason for declining {b.bookingReference}</label>
              <input
                id={`decline-${b.id}`}
                ref={reasonRef}
                className="input"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') bookings.startDecline(null)
                }}
                placeholder="e.g. No ICU bed free this week; refer to Dhaka Medical"
                aria-invalid={!!bookings.actionError?.fieldMessage('declineReason')}
              />
              <button className="btn btn--small btn--danger" type="submit" disabled={bookings.busy}>
                Decline
              </button>
              <button
                className="btn btn--small btn--ghost"
                type="button"
                onClick={() => bookings.startDecline(null)}
              >
                Keep pending <kbd>Esc</kbd>
              </button>
              {bookings.actionError?.fieldMessage('declineReason') && (
                <span className="field__error" role="alert">
                  A reason {bookings.actionError.fieldMessage('declineReason')}
                </span>
              )}
            </form>
          </td>
        </tr>
      )}
    </>
  )
})
