import { observer } from 'mobx-react-lite'
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { RESOURCE_TYPES, URGENCIES } from '../../../shared/schemas'
import { ErrorBanner } from '../ui/Field'
import { allowedActions, viewLabel, viewsFor } from './bookings'
import { useStores } from '../stores/root'
import { BookingDetailScreen } from './BookingsDetail'
import { QueuePreview } from './QueuePreview'
import { QueueRow } from './QueueRow'
import { useLive } from '../live/useLive'
import './bookings.css'
import { dialogOpen, FilterSelect, Tabs, PageHeader } from '../ui'
import { formatCount, resourceTitle, URGENCY_LABEL } from '../../../shared/labels'

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
  const { bookings, board, notifications, session, ui } = useStores()
  const user = session.user!
  const role = user.role
  const { t } = useTranslation()
  const searchRef = useRef<HTMLInputElement>(null)
  const tableRef = useRef<HTMLTableSectionElement>(null)

  useEffect(() => {
    void bookings.load()
    void notifications.refresh()
    void board.refresh()
  }, [bookings, notifications, board])

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
      if (dialogOpen()) return
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
  const who = role === 'hospital-authority' ? 'authority' : role === 'user' ? 'desk' : 'admin'
  const title = t(`bookings.queue.title.${who}`)
  const subtitle = t(`bookings.queue.subtitle.${who}`)
  const searching = bookings.search.trim() !== ''
  const from = bookings.list.total === 0 ? 0 : bookings.list.offset + 1
  const to = bookings.list.offset + bookings.list.items.length

  return (
    <section className="page bookings">
      <PageHeader title={title} subtitle={subtitle}>
        {role === 'user' && (
          <button className="btn btn--primary" onClick={() => ui.go('new-booking')}>
            {t('bookings.queue.newBooking')} <kbd className="kbd--on-primary">N</kbd>
          </button>
        )}
      </PageHeader>

      <Tabs
        label={t('bookings.queue.tabs')}
        choices={views.map((v) => ({ value: v, label: viewLabel(v) }))}
        value={searching ? null : bookings.view}
        onChange={(v) => {
          bookings.setSearch('')
          bookings.setView(v)
        }}
      />

      <div className="toolbar">
        <input
          ref={searchRef}
          className="input search"
          type="search"
          aria-label={t('bookings.queue.search')}
          placeholder={t('bookings.queue.searchPlaceholder')}
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
        <FilterSelect
          label={t('bookings.queue.urgency')}
          any={t('bookings.queue.anyUrgency')}
          values={URGENCIES}
          name={(u) => URGENCY_LABEL[u]}
          value={bookings.urgency}
          onChange={(u) => bookings.setUrgency(u)}
          wide
        />
        <FilterSelect
          label={t('bookings.queue.resource')}
          any={t('bookings.queue.anyResource')}
          values={RESOURCE_TYPES}
          name={(type) => resourceTitle(type, 'one')}
          value={bookings.resourceType}
          onChange={(type) => bookings.setResourceType(type)}
          wide
        />
        {searching && (
          <span className="muted">
            {scoped ? t('bookings.queue.searchingHospital') : t('bookings.queue.searchingAll')}
          </span>
        )}
      </div>

      <ErrorBanner error={bookings.list.error} />
      {/* A missing decline reason is said beside its box, not again up here. */}
      <ErrorBanner
        error={
          bookings.openId === null && !bookings.actionError?.fieldMessage('declineReason')
            ? bookings.actionError
            : null
        }
      />

      <div className="queue-layout">
        <div className="table-wrap">
          <table className="table queue" aria-label={t('bookings.queue.table')}>
            <thead>
              <tr>
                {/* One heading a cell of QueueRow: the reference sits under the patient, the free count under the resource. */}
                <th>{t('bookings.queue.col.urgency')}</th>
                <th>{t('bookings.queue.col.patient')}</th>
                {!scoped && <th>{t('bookings.queue.col.hospital')}</th>}
                <th>{t('bookings.queue.col.resource')}</th>
                <th>{t('bookings.queue.col.scheduled')}</th>
                <th>{t('bookings.queue.col.status')}</th>
                <th className="queue__actions-head">{t('bookings.queue.col.actions')}</th>
              </tr>
            </thead>
            <tbody ref={tableRef}>
              {bookings.list.items.map((b, i) => (
                <QueueRow key={b.id} booking={b} index={i} scoped={scoped} />
              ))}
            </tbody>
          </table>
          {bookings.list.items.length === 0 && !bookings.list.loading && (
            <div className="empty">
              {searching ? t('bookings.queue.noMatch') : t(`bookings.queue.empty.${bookings.view}`)}
            </div>
          )}
        </div>
        <QueuePreview />
      </div>
      <div className="pager">
        <span data-testid="queue-count">
          {bookings.list.total === 0
            ? bookings.list.loading
              ? t('bookings.queue.loading')
              : t('bookings.queue.none')
            : t('bookings.queue.range', {
                from: formatCount(from),
                to: formatCount(to),
                total: formatCount(bookings.list.total),
              }) + (bookings.list.result?.capped ? t('bookings.queue.capped') : '')}
        </span>
        <button
          className="btn btn--small"
          disabled={bookings.list.offset === 0}
          onClick={() => bookings.page(-1)}
        >
          {t('bookings.queue.previous')}
        </button>
        <button
          className="btn btn--small"
          disabled={to >= bookings.list.total}
          onClick={() => bookings.page(1)}
        >
          {t('bookings.queue.next')}
        </button>
      </div>
    </section>
  )
})
