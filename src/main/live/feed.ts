/**
 * The change feed: notices new rows in `changes` (migration 007), whoever wrote them, and tells
 * each subscriber which areas and hospitals moved — only those it may see, never a row's contents.
 *
 * Two ways in: `poke()` right after this process's own calls (PRAGMA data_version does not move for
 * a connection's own commits), and a short timer that reads `PRAGMA data_version`, which moves
 * when any other connection (a second desk process, the CLI) commits to the file. The timer also
 * sees a restore: the handle itself is replaced, and the restored file's sequence is another story,
 * so every subscriber is told to re-read everything.
 */
import type { DB } from '../db/open'
import { prep } from '../services/bookingsStatements'
import { LIVE_AREAS, TABLE_AREAS, type ChangeEvent, type LiveArea } from '../../shared/live'

/** Which hospitals a subscriber may hear of: null every one, a number that one, 'none' none. */
export type Scope = number | null | 'none'

export interface ChangeGroup {
  seq: number
  table: string
  hospitalId: number | null
}

export interface Subscriber {
  /** Re-read on every event (a session can end, an account can move): undefined drops the subscriber. */
  scope(): Scope | undefined
  send(event: ChangeEvent): void
  /** Told when the feed drops it (its session ended). */
  drop?(): void
}

export interface FeedOptions {
  /** How often PRAGMA data_version is read for other processes' commits. */
  intervalMs?: number
}

/** What of a batch of changes a subscriber with this scope may hear; null when nothing. */
export function eventFor(groups: ChangeGroup[], scope: Scope, seq: number): ChangeEvent | null {
  const areas = new Set<LiveArea>()
  const hospitals = new Set<number>()
  for (const g of groups) {
    // A row of no hospital (payment_config, an admin's account) says nothing of any hospital.
    const visible = g.hospitalId === null || scope === null || g.hospitalId === scope
    if (!visible) continue
    for (const area of TABLE_AREAS[g.table] ?? []) areas.add(area)
    if (g.hospitalId !== null) hospitals.add(g.hospitalId)
  }
  if (areas.size === 0) return null
  return { seq, areas: [...areas].sort(), hospitalIds: [...hospitals].sort((a, b) => a - b) }
}

/** Everything may have changed: re-read what is on screen. */
export function resetEvent(scope: Scope, seq: number): ChangeEvent {
  return { seq, areas: [...LIVE_AREAS], hospitalIds: typeof scope === 'number' ? [scope] : [], reset: true }
}

// One row per table and hospital, not per change: a CLI `demo` run writes millions of rows, and
// what a screen needs is only which areas and hospitals moved.
const GROUPS_SQL = `SELECT MAX(seq) AS seq, table_name AS "table", hospital_id AS hospitalId
  FROM changes WHERE seq > ? AND seq <= ? GROUP BY table_name, hospital_id`

export function lastSeq(db: DB): number {
  return (prep(db, 'SELECT COALESCE(MAX(seq), 0) FROM changes').pluck().get() as number) ?? 0
}

export class ChangeFeed {
  private handle: DB
  private seq: number
  private dataVersion: number
  private readonly subscribers = new Set<Subscriber>()
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly getDb: () => DB,
    private readonly options: FeedOptions = {},
  ) {
    this.handle = getDb()
    this.seq = lastSeq(this.handle)
    this.dataVersion = this.readDataVersion()
  }

  /** The last sequence number published. */
  get lastSeq(): number {
    return this.seq
  }

  get size(): number {
    return this.subscribers.size
  }

  start(intervalMs = this.options.intervalMs || 100): this {
    if (this.timer) return this
    this.timer = setInterval(() => this.check(), intervalMs)
    this.timer.unref?.()
    return this
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /**
   * Subscribe, first sending what was missed after `since` (a resuming client's Last-Event-ID).
   * Synchronous, so no publish can fall between the catch-up and the subscription.
   */
  subscribe(sub: Subscriber, since?: number): () => void {
    if (since !== undefined && since !== this.seq) {
      const scope = sub.scope()
      if (scope === undefined) return () => {}
      const event = this.catchUp(since, scope)
      if (event) sub.send(event)
    }
    this.subscribers.add(sub)
    return () => this.subscribers.delete(sub)
  }

  /** Read whatever is new since the last look and publish it. Cheap when nothing is: one index probe. */
  poke(): void {
    const db = this.getDb()
    if (db !== this.handle) return this.replaced(db)
    if (!db.open) return
    const groups = prep(db, GROUPS_SQL).all(this.seq, Number.MAX_SAFE_INTEGER) as ChangeGroup[]
    if (groups.length === 0) return
    const seq = Math.max(...groups.map((g) => g.seq))
    this.seq = seq
    this.publish((scope) => eventFor(groups, scope, seq))
  }

  /** The timer's look: only when another connection committed (or the handle was replaced). */
  check(): void {
    const db = this.getDb()
    if (db !== this.handle) return this.replaced(db)
    if (!db.open) return
    const version = this.readDataVersion()
    if (version === this.dataVersion) return
    this.dataVersion = version
    this.poke()
  }

  private catchUp(since: number, scope: Scope): ChangeEvent | null {
    const db = this.handle
    const oldest = (db.prepare('SELECT MIN(seq) FROM changes').pluck().get() as number | null) ?? this.seq + 1
    // Ahead of us (a restored file) or behind what cleanup kept: the gap cannot be told.
    if (since > this.seq || since < oldest - 1) return resetEvent(scope, this.seq)
    const groups = prep(db, GROUPS_SQL).all(since, this.seq) as ChangeGroup[]
    return eventFor(groups, scope, this.seq)
  }

  private replaced(db: DB): void {
    this.handle = db
    if (!db.open) return
    this.seq = lastSeq(db)
    this.dataVersion = this.readDataVersion()
    const seq = this.seq
    this.publish((scope) => resetEvent(scope, seq))
  }

  private publish(make: (scope: Scope) => ChangeEvent | null): void {
    for (const sub of [...this.subscribers]) {
      let scope: Scope | undefined
      try {
        scope = sub.scope()
      } catch {
        scope = undefined
      }
      if (scope === undefined) {
        this.subscribers.delete(sub)
        sub.drop?.()
        continue
      }
      const event = make(scope)
      if (!event) continue
      try {
        sub.send(event)
      } catch {
        // A subscriber that cannot take an event (its window closed) is dropped; the rest go on.
        this.subscribers.delete(sub)
        sub.drop?.()
      }
    }
  }

  private readDataVersion(): number {
    return this.handle.open ? (this.handle.pragma('data_version', { simple: true }) as number) : 0
  }
}
