/** The dispatcher's table: every channel of the contract mapped to its service. */
import { authHandlers } from '../services/auth.handlers'
import { mergeHandlers, type HandlerTable } from './dispatcher'

export function buildHandlers(): HandlerTable {
  // Typed as the whole table: a channel in the contract without a handler does not compile.
  const table: HandlerTable = mergeHandlers(authHandlers)
  return table
}
