import { endOfDay, startOfDay } from 'date-fns'
import { makeAutoObservable, runInAction } from 'mobx'
import type { ChannelInput } from '../../../shared/contract'
import type { Booking, BookingDetail, BookingStatus } from '../../../shared/contract/bookings'
import type { Hospital } from '../../../shared/contract/hospitals'
import type { DeskError } from '../../../shared/errors'
import type { ResourceType, Role, Urgency } from '../../../shared/schemas'
import { asDeskError, call } from '../api/client'

/** The queue's tabs: what each shows, as list filters. */
export type QueueView = 'today' | 'pending' | 'approved' | 'admitted' | 'all'

export const VIEW_LABEL: Record<QueueView, string> = {
  today: 'Today',
  pending: 'Pending',
  approved: 'To admit',
  admitted: 'Admitted',
  all: 'All',
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
export class BookingsStore {
  view: QueueView = 'pending'
  search = ''
  urgency: Urgency | '' = ''
  resourceType: ResourceType | '' = ''
  offset = 0
  items: Booking[] = []
  total = 0
  capped = false
  loading = false
  error: DeskError | null = null
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

  private seq = 0
  private startedFor: Role | null = null

  constructor(private readonly changed: () => void = () => {}) {
    makeAutoObservable<BookingsStore, 'changed' | 'seq' | 'startedFor'>(this, {
      changed: false,
      seq: false,
      startedFor: false,
    })
  }

  /** The first view a role sees (the desk: today; an authority: its pending queue), then the last one used. */
  startFor(role: Role): void {
    if (this.startedFor !== role) {
      this.startedFor = role
      this.view = viewsFor(role)[0]!
    }
    void this.load()
  }

  setView(view: QueueView): void {
    this.view = view
    this.offset = 0
    this.cursor = 0
    void this.load()
  }

  setSearch(text: string): void {
    this.search = text
    this.offset = 0
    this.cursor = 0
  }

  setUrgency(u: Urgency | ''): void {
    this.urgency = u
    this.offset = 0
    void this.load()
  }

  setResourceType(t: ResourceType | ''): void {
    this.resourceType = t
    this.offset = 0
    void this.load()
  }

  page(delta: number): void {
    this.offset = Math.max(0, this.offset + delta * PAGE)
    this.cursor = 0
    void this.load()
  }

  get pageSize(): number {
    return PAGE
  }

  /** The list call for the current tab, filters and search. A search looks across every status. */
  get query(): ChannelInput<'bookings.list'> {
    const q: ChannelInput<'bookings.list'> = { limit: PAGE, offset: this.offset }
    if (this.urgency) q.urgency = this.urgency
    if (this.resourceType) q.resourceType = this.resourceType
    const search = this.search.trim()
    if (search) return { ...q, search }
    if (this.view === 'today') {
      const now = new Date()
      q.scheduledFrom = startOfDay(now).toISOString()
      q.scheduledTo = endOfDay(now).toISOString()
    } else if (this.view !== 'all') q.status = this.view
    return q
  }

  async load(): Promise<void> {
    const mine = ++this.seq
    this.loading = true
    try {
      const result = await call('bookings.list', this.query)
      if (mine !== this.seq) return
      runInAction(() => {
        this.items = result.items
        this.total = result.total
        this.capped = result.capped
        this.error = null
        this.cursor = Math.min(this.cursor, Math.max(0, result.items.length - 1))
      })
    } catch (err) {
      if (mine === this.seq) runInAction(() => (this.error = asDeskError(err)))
    } finally {
      if (mine === this.seq) runInAction(() => (this.loading = false))
    }
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
    const index = this.items.findIndex((b) => b.id === selectedId)
    if (index >= 0) runInAction(() => (this.cursor = index))
  }

  select(index: number): void {
    this.cursor = index
  }

  move(delta: number): void {
    if (!this.items.length) return
    this.cursor = Math.min(this.items.length - 1, Math.max(0, this.cursor + delta))
  }

  get selected(): Booking | null {
    return this.items[this.cursor] ?? null
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
    try {
      const detail = await this.send(verb, id, text)
      runInAction(() => {
        if (this.openId === id) this.detail = detail
        if (verb === 'admit' && this.openId === id) this.slipOpen = true
        this.decliningId = null
      })
      this.changed()
      await this.load()
      return true
    } catch (err) {
      runInAction(() => (this.actionError = asDeskError(err)))
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

  async create(input: ChannelInput<'bookings.create'>): Promise<BookingDetail | null> {
    this.busy = true
    this.createError = null
    try {
      const created = await call('bookings.create', input)
      runInAction(() => (this.lastCreated = created))
      this.changed()
      void this.load()
      return created
    } catch (err) {
      runInAction(() => (this.createError = asDeskError(err)))
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
