import { DeskError } from '../../shared/errors'
import { UserError } from '../args'
import type { DatabaseKey } from '../db/key'
import { openDatabase } from '../db/open'
import { assertNotNewer, latestVersion, schemaVersion } from '../db/migrate'
import { expireBloodRequests } from '../services/blood'
import { checkMoney } from '../services/paymentsCheck'
import type { CliCommand } from './types'

/** An existing database at the current schema: these commands neither create nor migrate one. */
function openCurrent(dbPath: string, key: DatabaseKey | null) {
  let db
  try {
    db = openDatabase(dbPath, { create: false, key })
  } catch (err) {
    // A wrong or missing key says which key to give; anything else is no desk database.
    if (err instanceof DeskError && err.code === 'CONFLICT') throw err
    throw new UserError(`There is no desk database at ${dbPath}.`)
  }
  try {
    assertNotNewer(db)
    if (schemaVersion(db) < latestVersion())
      throw new UserError('This database has pending migrations: run `migrate` first.')
  } catch (err) {
    db.close()
    throw err
  }
  return db
}

export const moneyCommands: Record<string, CliCommand> = {
  'money-check': {
    usage: 'money-check                 check that every cash drawer and refund reconciles',
    flags: [],
    run(_args, dbPath, ctx) {
      const db = openCurrent(dbPath, ctx.key())
      try {
        const problems = checkMoney(db)
        if (problems.length) {
          for (const p of problems) console.log(p)
          throw new UserError(`${problems.length} money problem${problems.length === 1 ? '' : 's'} found.`)
        }
        console.log('Every cash drawer, payment and refund reconciles.')
      } finally {
        db.close()
      }
    },
  },
  'blood-expire': {
    usage: 'blood-expire                mark active blood requests past their requiredBy as expired',
    flags: [],
    run(_args, dbPath, ctx) {
      const db = openCurrent(dbPath, ctx.key())
      try {
        const n = expireBloodRequests(db, new Date())
        console.log(`${n} blood request${n === 1 ? '' : 's'} expired.`)
      } finally {
        db.close()
      }
    },
  },
}
