import type { Catalogue } from './en'

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
}
