import type { PartialHandlers } from '../ipc/dispatcher'
import {
  approveHospital,
  createHospital,
  fetchHospital,
  listHospitals,
  rejectHospital,
  suspendHospital,
  updateHospital,
} from './hospitals'

export const hospitalsHandlers: PartialHandlers<
  | 'hospitals.list'
  | 'hospitals.get'
  | 'hospitals.create'
  | 'hospitals.update'
  | 'hospitals.approve'
  | 'hospitals.reject'
  | 'hospitals.suspend'
> = {
  'hospitals.list': (ctx, input) => listHospitals(ctx, input),
  'hospitals.get': (ctx, input) => fetchHospital(ctx, input.id),
  'hospitals.create': (ctx, input) => createHospital(ctx, input),
  'hospitals.update': (ctx, input) => updateHospital(ctx, input),
  'hospitals.approve': (ctx, input) => approveHospital(ctx, input.id),
  'hospitals.reject': (ctx, input) => rejectHospital(ctx, input.id, input.reason),
  'hospitals.suspend': (ctx, input) => suspendHospital(ctx, input.id),
}
