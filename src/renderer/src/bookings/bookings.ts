import { endOfDay, startOfDay } from 'date-fns'
import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Booking, BookingDetail, BookingStatus } from '../../../shared/contract/bookings'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { DeskError } from '../../../shared/errors'
import type { Paged, ResourceType, Role, Urgency } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'
import { i18n } from '../i18n'
import type { ToastStore } from '../ui/toasts'
import { PagedQuery } from '../stores/paged'

/** The queue's tabs: what each shows, as list filters. */
export type QueueView = 'today' | 'pending' | 'approved' | 'admitted' | 'all'

/** A tab's name, in the desk's language. */
export function viewLabel(view: QueueView): string {
  return i18n.t(`bookings.views.${view}`)
}

export function viewsFor(role: Role): QueueView[] {
  return role === 'user'
    ? ['today', 'pending', 'approved', 'admitted', 'all']
    : ['pending', 'approved', 'admitted', 'all']
}

export type Verb = 'approve' | 'decline' | 'admit' | 'discharge' | 'cancel'

/** The actions a role may take on a booking in this status: exactly what the services allow. */
export function allowedActions(role: Role, status: BookingStatus): Verb[] {
  const desk = role === 'user'
  const decides = role === 'hospital-authority' || role === 'admin'
  const out: Verb[] = []
  if (status === 'pending' && decides) out.push('approve', 'decline')
  if (status === 'approved' && desk) out.push('admit')
  if (status === 'admitted' && decides) out.push('discharge')
  if ((status === 'pending' || status === 'approved') && desk) out.push('cancel')
  return out
}

const PAGE = 50

/**
 * The booking desk: the queue (with its tabs, filters and search), the booking on screen, and the
 * transitions. After each change it calls `changed`, so the board and the notifications refresh.
 */
export interface QueueFilters {
  view: QueueView
  search: string
  urgency: Urgency | ''
  resourceType: ResourceType | ''
}

/** The list call for a tab, its filters and search. A search looks across every status. */
export function queueQuery(
  f: QueueFilters,
  page: { limit: number; offset: number },
  now = new Date(),
): ChannelInput<'bookings.list'> {
  const q: ChannelInput<'bookings.list'> = { ...page }
  if (f.urgency) q.urgency = f.urgency
  if (f.resourceType) q.resourceType = f.resourceType
  const search = f.search.trim()
  if (search) return { ...q, search }
  if (f.view === 'today') {
    q.scheduledFrom = startOfDay(now).toISOString()
    q.scheduledTo = endOfDay(now).toISOString()
  } else if (f.view !== 'all') q.status = f.view
  return q
}

/**
 * The booking desk: the queue (with its tabs, filters and search), the booking on screen, and the
 * transitions. After each change it calls `changed`, so the board and the notifications refresh.
 */
export class BookingsStore {
  readonly list: PagedQuery<QueueFilters, Paged<Booking> & { capped: boolean }>
  /** The highlighted row of the queue (keyboard j/k). */
  cursor = 0
  /** Bumped to ask the queue's search box to take the focus. */
  focusSearchTick = 0
  /** The row whose decline reason is being typed inline. */
  decliningId: number | null = null

  /** The booking on screen, when one is open. */
  openId: number | null = null
  detail: BookingDetail | null = null
  detailError: DeskError | null = null
  busy = false
  actionError: DeskError | null = null
  /** The admission slip on screen. */
  slipOpen = false

  /** Approved hospitals, for the new-booking form. */
  hospitals: Hospital[] = []
  lastCreated: BookingDetail | null = null
  createError: DeskError | null = null

  constructor(
    role: Role,
    private readonly toasts: ToastStore,
    private readonly changed: () => void = () => {},
  ) {
    // The first view a role sees: the desk, today; an authority, its pending queue.
    this.list = new PagedQuery((f: QueueFilters, page) => call('bookings.list', queueQuery(f, page)), PAGE, {
      view: viewsFor(role)[0]!,
      search: '',
      urgency: '',
      resourceType: '',
    })
    makeAutoObservable<BookingsStore, 'changed' | 'toasts'>(this, {
      changed: false,
      toasts: false,
      list: false,
    })
  }

  get view(): QueueView {
    return this.list.filters.view
  }
  get search(): string {
    return this.list.filters.search
  }
  get urgency(): Urgency | '' {
    return this.list.filters.urgency
  }
  get resourceType(): ResourceType | '' {
    return this.list.filters.resourceType
  }
  get pageSize(): number {
    return PAGE
  }

  async load(): Promise<void> {
    await this.list.load()
    runInAction(() => (this.cursor = Math.min(this.cursor, Math.max(0, this.list.items.length - 1))))
  }

  setView(view: QueueView): void {
    this.list.set({ view })
    this.cursor = 0
    void this.load()
  }

  /** The search being typed: the queue loads once typing pauses (the screen's debounce). */
  setSearch(text: string): void {
    this.list.set({ search: text })
    this.cursor = 0
  }

  setUrgency(u: Urgency | ''): void {
    this.list.set({ urgency: u })
    void this.load()
  }

  setResourceType(t: ResourceType | ''): void {
    this.list.set({ resourceType: t })
    void this.load()
  }

  page(delta: number): void {
    this.list.offset = Math.max(0, this.list.offset + delta * PAGE)
    this.cursor = 0
    void this.load()
  }

  /**
   * A live change: re-read the queue and the open booking, keeping the highlighted row on the same
   * booking (a critical one arriving above it must not move the cursor onto another patient).
   */
  async refresh(): Promise<void> {
    const selectedId = this.selected?.id
    const openId = this.openId
    await Promise.all([
      this.load(),
      openId === null
        ? null
        : call('bookings.get', { id: openId }).then(
            (detail) =>
              runInAction(() => {
                if (this.openId === openId) this.detail = detail
              }),
            () => {},
          ),
    ])
    const index = this.list.items.findIndex((b) => b.id === selectedId)
    if (index >= 0) runInAction(() => (this.cursor = index))
  }

  select(index: number): void {
    this.cursor = index
  }

  move(delta: number): void {
    if (!this.list.items.length) return
    this.cursor = Math.min(this.list.items.length - 1, Math.max(0, this.cursor + delta))
  }

  get selected(): Booking | null {
    return this.list.items[this.cursor] ?? null
  }

  focusSearch(): void {
    this.focusSearchTick++
  }

  // ---- One booking ----------------------------------------------------------------------------

  async open(id: number): Promise<void> {
    this.openId = id
    this.detail = this.detail?.id === id ? this.detail : null
    this.detailError = null
    this.actionError = null
    this.slipOpen = false
    try {
      const detail = await call('bookings.get', { id })
      runInAction(() => {
        if (this.openId === id) this.detail = detail
      })
    } catch (err) {
      runInAction(() => (this.detailError = asDeskError(err)))
    }
  }

  close(): void {
    this.openId = null
    this.detail = null
    this.slipOpen = false
    this.actionError = null
  }

  showSlip(open = true): void {
    this.slipOpen = open
  }

  /** Run a transition; true when it went through. The queue, board and notifications follow. */
  async act(verb: Verb, id: number, text?: string): Promise<boolean> {
    this.busy = true
    this.actionError = null
    const known = this.detail?.id === id ? this.detail : this.list.items.find((b) => b.id === id)
    try {
      const detail = await this.send(verb, id, text)
      runInAction(() => {
        if (this.openId === id) this.detail = detail
        // Admitting hands the family a slip: it opens at once, ready to print, wherever the admit came from.
        if (verb === 'admit') {
          this.openId = id
          this.detail = detail
          this.slipOpen = true
        }
        this.decliningId = null
      })
      this.toasts.show(
        i18n.t(`bookings.toast.done.${verb}`, {
          reference: detail.bookingReference,
          name: detail.patientName,
        }),
      )
      this.changed()
      await this.load()
      return true
    } catch (err) {
      const error = asDeskError(err)
      runInAction(() => (this.actionError = error))
      this.toasts.show(
        i18n.t(`bookings.toast.failed.${verb}`, {
          reference: known?.bookingReference ?? i18n.t('bookings.toast.theBooking'),
          message: error.message,
        }),
        'danger',
      )
      return false
    } finally {
      runInAction(() => (this.busy = false))
    }
  }

  private send(verb: Verb, id: number, text?: string): Promise<BookingDetail> {
    switch (verb) {
      case 'approve':
        return call('bookings.approve', text ? { id, authorityNotes: text } : { id })
      case 'decline':
        return call('bookings.decline', { id, declineReason: text ?? '' })
      case 'admit':
        return call('bookings.admit', { id })
      case 'discharge':
        return call('bookings.discharge', text ? { id, notes: text } : { id })
      case 'cancel':
        return call('bookings.cancel', { id, reason: text ?? '' })
    }
  }

  startDecline(id: number | null): void {
    this.decliningId = id
    this.actionError = null
  }

  // ---- New booking ----------------------------------------------------------------------------

  async loadHospitals(): Promise<void> {
    try {
      const list = await call('hospitals.list', { status: 'approved', limit: 500 })
      runInAction(() => (this.hospitals = list.items))
    } catch (err) {
      runInAction(() => (this.createError = asDeskError(err)))
    }
  }

  /** Create a booking; `problems` are the form's own field refusals, shown with the desk's answer. */
  async create(
    input: ChannelInput<'bookings.create'>,
    problems?: Record<string, string>,
  ): Promise<BookingDetail | null> {
    this.busy = true
    this.createError = null
    try {
      const created = await call('bookings.create', input)
      runInAction(() => (this.lastCreated = created))
      this.toasts.show(
        i18n.t('bookings.toast.created', { reference: created.bookingReference, name: created.patientName }),
      )
      this.changed()
      void this.load()
      return created
    } catch (err) {
      const error = asDeskError(err)
      runInAction(() => (this.createError = problems ? error.withFields(problems) : error))
      return null
    } finally {
      runInAction(() => (this.busy = false))
    }
  }

  /** A refusal found before asking main (a date the form cannot read). */
  refuse(error: DeskError): void {
    this.createError = error
    this.lastCreated = null
  }

  clearCreated(): void {
    this.lastCreated = null
    this.createError = null
  }
}
