import type { PartialHandlers } from '../ipc/dispatcher'
import { listPrices, quote, setPrice } from './pricing'

export const pricingHandlers: PartialHandlers<'pricing.list' | 'pricing.set' | 'pricing.quote'> = {
  'pricing.list': (ctx, input) => listPrices(ctx, input),
  'pricing.set': (ctx, input) => setPrice(ctx, input),
  'pricing.quote': (ctx, input) => quote(ctx, input),
}
