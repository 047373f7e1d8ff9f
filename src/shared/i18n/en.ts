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
}

/** The shape every language's catalogue has: the same keys, any words. */
type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> }
export type Catalogue = Words<typeof en>
