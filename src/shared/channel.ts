/** How a channel is declared: its input schema, who may call it, and (as a type) what it returns. */
import type { z } from 'zod'
import type { Role } from './schemas'

export type Access = 'public' | readonly Role[]

export interface ChannelDef<I extends z.ZodType = z.ZodType, R = unknown, A extends Access = Access> {
  input: I
  access: A
  /** Phantom: carries the result type; never read at run time. */
  readonly result?: R
}

export function channel<I extends z.ZodType, const A extends Access>(input: I, access: A) {
  return {
    returns<R>(): ChannelDef<I, R, A> {
      return { input, access }
    },
  }
}

/** Merge areas' channel tables, refusing a name declared twice. */
export function mergeChannels<T extends Record<string, ChannelDef>[]>(
  ...tables: T
): UnionToIntersection<T[number]> {
  const out: Record<string, ChannelDef> = {}
  for (const table of tables) {
    for (const [name, def] of Object.entries(table)) {
      if (name in out) throw new Error(`Channel ${name} is declared twice`)
      out[name] = def
    }
  }
  return out as UnionToIntersection<T[number]>
}

export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never
