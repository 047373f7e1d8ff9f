import type { PartialHandlers } from '../ipc/dispatcher'
import {
  admitBooking,
  approveBooking,
  cancelBooking,
  createBooking,
  declineBooking,
  dischargeBooking,
  getBooking,
  listBookings,
} from './bookings'
import { referBooking } from './referrals'

export const bookingsHandlers: PartialHandlers<
  | 'bookings.create'
  | 'bookings.approve'
  | 'bookings.decline'
  | 'bookings.admit'
  | 'bookings.discharge'
  | 'bookings.cancel'
  | 'bookings.refer'
  | 'bookings.get'
  | 'bookings.list'
> = {
  'bookings.create': (ctx, input) => createBooking(ctx, input),
  'bookings.approve': (ctx, input) => approveBooking(ctx, input),
  'bookings.decline': (ctx, input) => declineBooking(ctx, input),
  'bookings.admit': (ctx, input) => admitBooking(ctx, input),
  'bookings.discharge': (ctx, input) => dischargeBooking(ctx, input),
  'bookings.cancel': (ctx, input) => cancelBooking(ctx, input),
  'bookings.refer': (ctx, input) => referBooking(ctx, input),
  'bookings.get': (ctx, input) => getBooking(ctx, input.id),
  'bookings.list': (ctx, input) => listBookings(ctx, input),
}
