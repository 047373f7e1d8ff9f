import type { Words } from '../words'

/** The resources words, English. Keys are nested by screen or dialog; bn below mirrors them key for key. */
export const en = {
  title: 'Resources',
  subtitleAll: 'Beds, ICU beds and operation theatres, hospital by hospital.',
  subtitleAt: 'Beds, ICU beds and operation theatres at {{hospital}}.',
  subtitleOwn: 'Beds, ICU beds and operation theatres at your hospital.',
  hospital: 'Hospital',
  noHospitals: 'No hospitals yet. Register one under Hospitals first.',
  notLinked: 'Your account is not linked to a hospital.',
  notApproved:
    '{{name}} is <badge/>: its counts can be prepared, but it takes no bookings until it is approved.',
  /** The colour-coded bar of a resource's counts and its key (ui/CountsBar), on every screen that shows one. */
  counts: {
    available: 'Available',
    reserved: 'Reserved',
    occupied: 'Occupied',
    maintenance: 'Maintenance',
    said: '{{available}} available, {{reserved}} reserved, {{occupied}} occupied, {{maintenance}} in maintenance, of {{total}}',
  },
  card: {
    edit: 'Edit',
    editLabel: 'Edit {{resource}}',
    availableOf: 'available of {{total}}',
    available: 'Available',
    reserved: 'Reserved',
    occupied: 'Occupied',
    maintenance: 'Maintenance',
    updated: 'Updated {{time}}',
  },
  edit: {
    total: 'Total',
    maintenance: 'In maintenance',
    reason: 'Reason',
    reasonPlaceholder: 'e.g. New ward opened',
    reasonHint: 'Kept in the audit trail with your name.',
    tooFew_one: 'Too few: {{n}} is occupied or reserved.',
    tooFew_other: 'Too few: {{n}} are occupied or reserved.',
    willBe: '{{n}} will be available ({{occupied}} occupied, {{reserved}} reserved).',
    saving: 'Saving…',
    save: 'Save',
    cancel: 'Cancel',
    saved: '{{resource}} at {{hospital}} saved: {{available}} available of {{total}}.',
  },
}

export const bn: Words<typeof en> = {
  title: 'শয্যা ও সুবিধা',
  subtitleAll: 'শয্যা, আইসিইউ শয্যা ও অপারেশন থিয়েটার, হাসপাতাল অনুযায়ী।',
  subtitleAt: '{{hospital}}-এর শয্যা, আইসিইউ শয্যা ও অপারেশন থিয়েটার।',
  subtitleOwn: 'আপনার হাসপাতালের শয্যা, আইসিইউ শয্যা ও অপারেশন থিয়েটার।',
  hospital: 'হাসপাতাল',
  noHospitals: 'এখনো কোনো হাসপাতাল নেই। আগে হাসপাতাল অংশে একটি নিবন্ধন করুন।',
  notLinked: 'আপনার অ্যাকাউন্ট কোনো হাসপাতালের সঙ্গে যুক্ত নয়।',
  notApproved:
    '{{name}} এখন <badge/>: এর সংখ্যা আগে থেকে ঠিক করে রাখা যায়, তবে অনুমোদন না হওয়া পর্যন্ত কোনো বুকিং নেওয়া হবে না।',
  counts: {
    available: 'খালি',
    reserved: 'সংরক্ষিত',
    occupied: 'দখলকৃত',
    maintenance: 'রক্ষণাবেক্ষণে',
    said: 'মোট {{total}}টির মধ্যে {{available}}টি খালি, {{reserved}}টি সংরক্ষিত, {{occupied}}টি দখলকৃত, {{maintenance}}টি রক্ষণাবেক্ষণে',
  },
  card: {
    edit: 'সম্পাদনা',
    editLabel: '{{resource}} সম্পাদনা করুন',
    availableOf: 'খালি, মোট {{total}}টির মধ্যে',
    available: 'খালি',
    reserved: 'সংরক্ষিত',
    occupied: 'দখলকৃত',
    maintenance: 'রক্ষণাবেক্ষণে',
    updated: 'হালনাগাদ: {{time}}',
  },
  edit: {
    total: 'মোট',
    maintenance: 'রক্ষণাবেক্ষণে',
    reason: 'কারণ',
    reasonPlaceholder: 'যেমন: নতুন ওয়ার্ড চালু হয়েছে',
    reasonHint: 'আপনার নামসহ নিরীক্ষায় রাখা হবে।',
    tooFew_one: 'খুব কম: {{n}}টি দখলকৃত বা সংরক্ষিত।',
    tooFew_other: 'খুব কম: {{n}}টি দখলকৃত বা সংরক্ষিত।',
    willBe: '{{n}}টি খালি থাকবে ({{occupied}} দখলকৃত, {{reserved}} সংরক্ষিত)।',
    saving: 'সংরক্ষণ হচ্ছে…',
    save: 'সংরক্ষণ করুন',
    cancel: 'বাতিল করুন',
    saved: '{{hospital}}-এর {{resource}} সংরক্ষিত: মোট {{total}}টির মধ্যে {{available}}টি খালি।',
  },
}
