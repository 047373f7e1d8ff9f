import type { PartialHandlers } from '../ipc/dispatcher'
import { closeShift, deposit, getDrawer } from './wallet'

export const walletHandlers: PartialHandlers<'wallet.get' | 'wallet.deposit' | 'wallet.closeShift'> = {
  'wallet.get': (ctx, input) => getDrawer(ctx, input),
  'wallet.deposit': (ctx, input) => deposit(ctx, input),
  'wallet.closeShift': (ctx, input) => closeShift(ctx, input),
}
