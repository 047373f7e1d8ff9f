import { makeAutoObservable, runInAction } from 'mobx'
import type { DeskError } from '../../../shared/errors'
import { asDeskError } from '../api/client'

export interface Page<T> {
  items: T[]
  total: number
}

/**
 * One list the desk shows a page at a time, with its filters: every list store holds one. Only the
 * latest request's answer is ever shown: a slow answer to an earlier filter or page arriving after
 * a newer one is dropped, never painted over it.
 */
export class PagedQuery<F extends object, R extends Page<unknown>> {
  filters: F
  offset = 0
  items: R['items'] = []
  total = 0
  /** The whole last answer (sums, a capped count…). */
  result: R | null = null
  loading = false
  error: DeskError | null = null
  private seq = 0

  constructor(
    private readonly fetch: (filters: F, page: { limit: number; offset: number }) => Promise<R>,
    readonly pageSize: number,
    private readonly initial: F,
  ) {
    this.filters = { ...initial }
    makeAutoObservable<PagedQuery<F, R>, 'fetch' | 'initial' | 'seq'>(this, {
      fetch: false,
      initial: false,
      seq: false,
    })
  }

  /** True until the first answer (or error) arrives: a list that has not loaded is not empty. */
  get pending(): boolean {
    return this.loading && this.result === null
  }

  async load(): Promise<void> {
    const mine = ++this.seq
    this.loading = true
    try {
      const result = await this.fetch(this.filters, { limit: this.pageSize, offset: this.offset })
      if (mine !== this.seq) return
      runInAction(() => {
        this.result = result
        this.items = result.items
        this.total = result.total
        this.error = null
      })
    } catch (err) {
      if (mine === this.seq) runInAction(() => (this.error = asDeskError(err)))
    } finally {
      if (mine === this.seq) runInAction(() => (this.loading = false))
    }
  }

  /** Change some filters and go back to the first page, without loading yet (a search being typed). */
  set(patch: Partial<F>): void {
    this.filters = { ...this.filters, ...patch }
    this.offset = 0
  }

  /** Change some filters: back to the first page, and load. */
  filter(patch: Partial<F>): Promise<void> {
    this.set(patch)
    return this.load()
  }

  /** Every filter back to where it started. */
  clear(): Promise<void> {
    return this.filter(this.initial)
  }

  page(offset: number): Promise<void> {
    this.offset = Math.max(0, offset)
    return this.load()
  }

  get filtered(): boolean {
    return Object.entries(this.filters).some(([k, v]) => v !== (this.initial as Record<string, unknown>)[k])
  }
}
