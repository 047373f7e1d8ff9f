import type { Catalogue } from './en'
import * as common from './areas/common'
import * as errors from './areas/errors'
import * as fields from './areas/fields'
import * as ui from './areas/ui'
import * as auth from './areas/auth'
import * as overview from './areas/overview'
import * as bookings from './areas/bookings'
import * as hospitals from './areas/hospitals'
import * as resources from './areas/resources'
import * as staff from './areas/staff'
import * as audit from './areas/audit'
import * as reports from './areas/reports'
import * as payments from './areas/payments'
import * as wallet from './areas/wallet'
import * as pricing from './areas/pricing'
import * as blood from './areas/blood'
import * as settings from './areas/settings'
import * as hub from './areas/hub'
import * as backup from './areas/backup'
import * as maintenance from './areas/maintenance'
import * as notifications from './areas/notifications'
import * as print from './areas/print'
import * as menu from './areas/menu'

/** The desk's words in Bangla (বাংলা), key for key as en.ts. */
export const bn: Catalogue = {
  nav: {
    home: 'সারসংক্ষেপ',
    bookings: 'বুকিং',
    'new-booking': 'নতুন বুকিং',
    board: 'খালি শয্যা',
    hospitals: 'হাসপাতাল',
    resources: 'শয্যা ও সুবিধা',
    staff: 'কর্মী',
    audit: 'নিরীক্ষা',
    reports: 'প্রতিবেদন',
    payments: 'পেমেন্ট',
    wallet: 'ক্যাশ ড্রয়ার',
    pricing: 'মূল্য',
    blood: 'রক্তের অনুরোধ',
    settings: 'সেটিংস',
    backups: 'ব্যাকআপ',
    maintenance: 'রক্ষণাবেক্ষণ',
  },
  shell: {
    areas: 'ডেস্কের বিভাগ',
    shortcuts: 'শর্টকাট',
    shortcutsLabel: 'কিবোর্ড শর্টকাট',
    signOut: 'সাইন আউট',
    otherLanguage: 'English',
    switchLanguage: 'Show the desk in English',
  },
  common: common.bn,
  errors: errors.bn,
  fields: fields.bn,
  ui: ui.bn,
  auth: auth.bn,
  overview: overview.bn,
  bookings: bookings.bn,
  hospitals: hospitals.bn,
  resources: resources.bn,
  staff: staff.bn,
  audit: audit.bn,
  reports: reports.bn,
  payments: payments.bn,
  wallet: wallet.bn,
  pricing: pricing.bn,
  blood: blood.bn,
  settings: settings.bn,
  hub: hub.bn,
  backup: backup.bn,
  maintenance: maintenance.bn,
  notifications: notifications.bn,
  print: print.bn,
  menu: menu.bn,
}
