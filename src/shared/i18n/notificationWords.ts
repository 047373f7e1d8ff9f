/**
 * A stored notification in the reader's language. Main writes each one once, in English, with the
 * names inside; the reader may read it later in Bangla, so the words are found again from the
 * templates (areas/notifications.ts) and said in Bangla, the names and references kept as written.
 */
import { commonWords } from '../labels'
import type { Urgency } from '../schemas'
import { localeOf, type LocaleArg } from '../locale/display'
import * as notifications from './areas/notifications'
import { compileTemplates, fillTemplate, matchTemplate } from './errorWords'

const MESSAGES = compileTemplates({ message: notifications.en.message })
const TITLE_KEY = new Map(Object.entries(notifications.en.title).map(([k, v]) => [v, k]))

/** A resource in a message ("bed", "ICU bed") as its Bangla word. */
function resourceIn(value: string): string {
  const en = commonWords('en').resource
  const bn = commonWords('bn').resource
  for (const type of Object.keys(en) as (keyof typeof en)[]) {
    if (en[type].one === value || en[type].many === value) return bn[type].one
  }
  return value
}

export function notificationTitle(title: string, lng?: LocaleArg): string {
  if (localeOf(lng).language === 'en') return title
  const key = TITLE_KEY.get(title) as keyof typeof notifications.bn.title | undefined
  return key ? notifications.bn.title[key] : title
}

export function notificationMessage(message: string, lng?: LocaleArg): string {
  if (localeOf(lng).language === 'en') return message
  const k = matchTemplate(MESSAGES, message)
  if (!k) return message
  const done = notifications.en.done as Record<string, string>
  const said = fillTemplate(
    notifications.bn as unknown as Record<string, Record<string, string>>,
    k,
    (name, v) => {
      if (name === 'resource') return resourceIn(v)
      if (name === 'urgency') return commonWords('bn').urgency[v as Urgency] ?? v
      if (name === 'done') {
        const key = Object.keys(done).find((d) => done[d] === v) as
          keyof typeof notifications.bn.done | undefined
        return key ? notifications.bn.done[key] : v
      }
      return v
    },
  )
  return said ?? message
}
