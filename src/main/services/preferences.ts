/**
 * Each user's language and digits (migration 011's user_preferences). A user reads and writes only
 * their own row: the actor is the key, never an input.
 */
import type { Preferences } from '../../shared/contract/preferences'
import { isLanguage, type Language } from '../../shared/locale/display'
import type { DB } from '../db/open'
import type { ActorContext } from './context'

interface Row {
  language: string
  banglaDigits: number
  updatedAt: string
}

function read(db: DB, userId: number): Preferences {
  const row = db
    .prepare('SELECT language, banglaDigits, updatedAt FROM user_preferences WHERE userId = ?')
    .get(userId) as Row | undefined
  if (!row) return { language: null, banglaDigits: true, updatedAt: null }
  return {
    language: isLanguage(row.language) ? row.language : null,
    banglaDigits: row.banglaDigits === 1,
    updatedAt: row.updatedAt,
  }
}

export function getPreferences(ctx: ActorContext): Preferences {
  return read(ctx.db, ctx.actor.id)
}

export function setPreferences(
  ctx: ActorContext,
  input: { language: Language; banglaDigits: boolean },
): Preferences {
  ctx.db
    .prepare(
      `INSERT INTO user_preferences (userId, language, banglaDigits, updatedAt) VALUES (?, ?, ?, ?)
       ON CONFLICT (userId) DO UPDATE SET language = excluded.language,
         banglaDigits = excluded.banglaDigits, updatedAt = excluded.updatedAt`,
    )
    .run(ctx.actor.id, input.language, input.banglaDigits ? 1 : 0, ctx.now().toISOString())
  return read(ctx.db, ctx.actor.id)
}

/** The language main speaks to this user in (the menu, printed reports); null when never chosen. */
export function languageOf(db: DB, userId: number): Language | null {
  return read(db, userId).language
}
