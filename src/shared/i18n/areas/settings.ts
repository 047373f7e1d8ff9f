import type { Words } from '../words'

/** The settings words, English. Keys are nested by screen or dialog; bn below mirrors them key for key. */
export const en = {
  title: 'Settings',
  subtitle: 'How this desk runs. Changes apply from the next payment; past payments keep their fee.',
  fees: {
    title: 'Platform fee per payment method',
    text: 'Each payment is split into the platform’s fee and the hospital’s share: a percentage (rounded to the paisa) plus a fixed amount, never more than the payment. The default is no fee.',
    table: 'Fee rules',
    method: 'Method',
    percentage: 'Percentage',
    fixed: 'Fixed fee',
    onExample: 'On {{amount}}: fee',
    hospitalGets: 'Hospital gets',
    percentLabel: '{{method}} percentage',
    fixedLabel: '{{method}} fixed fee',
    percentRule: 'must be a percentage from 0 to 100, at most 2 decimals',
    lastChanged: 'Last changed {{when}}',
    never: 'Never changed: no platform fee.',
    saved: 'Saved.',
    save: 'Save fee rules',
    saving: 'Saving…',
  },
  /** How this user's desk shows words and numbers (the sidebar's switches). */
  display: {
    /** Shown only in Bangla: English numbers are always ASCII digits. */
    banglaDigits: 'Bangla digits',
    banglaDigitsHint: 'Show numbers in Bangla digits (০–৯)',
    on: 'on',
    off: 'off',
    /** The language switch's tooltip: in the language the desk is shown in now. */
    switchLanguage: 'Show the desk in Bangla',
  },
}

export const bn: Words<typeof en> = {
  title: 'সেটিংস',
  subtitle: 'এই ডেস্ক কীভাবে চলে। পরিবর্তন পরের পেমেন্ট থেকে কার্যকর; আগের পেমেন্টের ফি বদলায় না।',
  fees: {
    title: 'পেমেন্ট পদ্ধতি অনুযায়ী প্ল্যাটফর্ম ফি',
    text: 'প্রতিটি পেমেন্ট প্ল্যাটফর্মের ফি ও হাসপাতালের অংশে ভাগ হয়: একটি শতাংশ (পয়সা পর্যন্ত রাউন্ড করা) এবং একটি নির্দিষ্ট পরিমাণ, যা কখনো পেমেন্টের বেশি হয় না। শুরুতে কোনো ফি নেই।',
    table: 'ফি-এর নিয়ম',
    method: 'পদ্ধতি',
    percentage: 'শতাংশ',
    fixed: 'নির্দিষ্ট ফি',
    onExample: '{{amount}}-এ: ফি',
    hospitalGets: 'হাসপাতাল পায়',
    percentLabel: '{{method}} শতাংশ',
    fixedLabel: '{{method}} নির্দিষ্ট ফি',
    percentRule: '০ থেকে ১০০-এর মধ্যে শতাংশ হতে হবে, দশমিকের পরে সর্বোচ্চ ২ অঙ্ক',
    lastChanged: 'শেষ পরিবর্তন {{when}}',
    never: 'কখনো বদলানো হয়নি: কোনো প্ল্যাটফর্ম ফি নেই।',
    saved: 'সংরক্ষিত হয়েছে।',
    save: 'ফি-এর নিয়ম সংরক্ষণ করুন',
    saving: 'সংরক্ষণ হচ্ছে…',
  },
  display: {
    banglaDigits: 'বাংলা অঙ্ক',
    banglaDigitsHint: 'সংখ্যা বাংলা অঙ্কে (০–৯) দেখান',
    on: 'চালু',
    off: 'বন্ধ',
    switchLanguage: 'ডেস্কটি ইংরেজিতে দেখান',
  },
}
