import type { PartialHandlers } from '../ipc/dispatcher'
import { census } from './census'
import { occupancy } from './occupancy'

export const reportsHandlers: PartialHandlers<'reports.census' | 'reports.occupancy'> = {
  'reports.census': (ctx, input) => census(ctx, input),
  'reports.occupancy': (ctx, input) => occupancy(ctx, input),
}
