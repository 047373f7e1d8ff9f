import type { Words } from './words'
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

/**
 * The desk's words in English: the catalogue every other language mirrors key for key
 * (catalogue.test.ts fails on a key that exists in one language only).
 */
export const en = {
  nav: {
    home: 'Overview',
    bookings: 'Bookings',
    'new-booking': 'New booking',
    board: 'Availability',
    hospitals: 'Hospitals',
    resources: 'Resources',
    staff: 'Staff',
    audit: 'Audit trail',
    reports: 'Reports',
    payments: 'Payments',
    wallet: 'Cash drawer',
    pricing: 'Pricing',
    blood: 'Blood requests',
    settings: 'Settings',
    backups: 'Backups',
    maintenance: 'Maintenance',
  },
  shell: {
    areas: 'Desk areas',
    shortcuts: 'Shortcuts',
    shortcutsLabel: 'Keyboard shortcuts',
    signOut: 'Sign out',
    /** The switch names the other language, in that language, so anyone can find it. */
    otherLanguage: 'বাংলা',
    switchLanguage: 'Show the desk in Bangla',
  },
  common: common.en,
  errors: errors.en,
  fields: fields.en,
  ui: ui.en,
  auth: auth.en,
  overview: overview.en,
  bookings: bookings.en,
  hospitals: hospitals.en,
  resources: resources.en,
  staff: staff.en,
  audit: audit.en,
  reports: reports.en,
  payments: payments.en,
  wallet: wallet.en,
  pricing: pricing.en,
  blood: blood.en,
  settings: settings.en,
  hub: hub.en,
  backup: backup.en,
  maintenance: maintenance.en,
  notifications: notifications.en,
  print: print.en,
  menu: menu.en,
}

export type Catalogue = Words<typeof en>
