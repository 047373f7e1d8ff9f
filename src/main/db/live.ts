import type { DB } from './open'

/**
 * The desk's one read-write handle on its database file. A restore replaces the file itself, so the
 * handle cannot be a constant: the dispatcher asks for `db` on every call, and `replace` closes the
 * handle, lets the caller swap the closed file, and opens whatever is at the path afterwards.
 * better-sqlite3 is synchronous and `replace` takes a synchronous function, so no call can run
 * between the close and the reopen.
 */
export class LiveDatabase {
  private handle: DB

  constructor(
    readonly path: string,
    private readonly openFile: (path: string) => DB,
  ) {
    this.handle = openFile(path)
  }

  get db(): DB {
    return this.handle
  }

  /**
   * Close (with the WAL folded into the main file, so the file alone is the whole database), run
   * `swap` on the closed file, reopen. If `swap` throws, the file it left (the old one, when it
   * failed before its rename) is reopened and the error passed on.
   */
  replace<T>(swap: () => T): T {
    closeCheckpointed(this.handle)
    try {
      return swap()
    } finally {
      this.handle = this.openFile(this.path)
    }
  }

  close(): void {
    closeCheckpointed(this.handle)
  }
}

export function closeCheckpointed(db: DB): void {
  if (!db.open) return
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}
