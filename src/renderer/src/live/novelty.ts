/** What is new in a list since the last look; the first look only learns. */
export class Novelty {
  private seen: Set<number> | null = null

  fresh<T extends { id: number }>(items: T[]): T[] {
    const first = this.seen === null
    const seen = this.seen ?? new Set<number>()
    const out = items.filter((i) => !seen.has(i.id))
    for (const i of items) seen.add(i.id)
    this.seen = seen
    return first ? [] : out
  }
}
