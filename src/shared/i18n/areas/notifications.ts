import type { Words } from '../words'

/**
 * The notifications words. `title` and `message` are main's texts as it stores them (English, the
 * patient's and hospital's names inside): notificationWords.ts finds the template and says it in
 * the reader's language, so a notification written before the switch reads in Bangla too.
 */
export const en = {
  panel: {
    button: 'Notifications',
    buttonLabel: 'Notifications, {{count}} unread',
    title: 'Notifications',
    markAll: 'Mark all read',
    empty: 'Nothing yet.',
  },
  title: {
    submitted: 'Booking submitted',
    approved: 'Booking approved',
    declined: 'Booking declined',
    admitted: 'Patient admitted',
    discharged: 'Patient discharged',
    cancelled: 'Booking cancelled',
    referred: 'Booking referred',
    referral: 'Referral received',
    arrived: 'New booking to approve',
  },
  message: {
    submitted: '{{reference}}: {{patient}} is waiting for {{hospital}} to approve a {{resource}}.',
    changedBecause:
      '{{reference}}: {{patient}}, {{resource}} at {{hospital}}, was {{done}} by {{actor}}. Reason: {{reason}}',
    changedBy: '{{reference}}: {{patient}}, {{resource}} at {{hospital}}, was {{done}} by {{actor}}.',
    changed: '{{reference}}: {{patient}}, {{resource}} at {{hospital}}, was {{done}}.',
    referred:
      '{{reference}}: {{patient}}, was referred by {{actor}} from {{from}} to {{to}} ({{toReference}}). Reason: {{reason}}',
    referral:
      '{{reference}}: {{patient}}, referred by {{actor}} of {{from}} ({{fromReference}}), is waiting for {{to}} to approve. Reason: {{reason}}',
    /** To a hospital's authorities, when a booking arrives in its queue (urgency as its code). */
    arrived: '{{reference}}: {{patient}}, {{resource}}, urgency {{urgency}}, registered by {{actor}}.',
  },
  /** What was done, as "was {{done}} by": said as a verb in Bangla. */
  done: {
    submitted: 'submitted',
    approved: 'approved',
    declined: 'declined',
    admitted: 'admitted',
    discharged: 'discharged',
    cancelled: 'cancelled',
  },
}

export const bn: Words<typeof en> = {
  panel: {
    button: 'বিজ্ঞপ্তি',
    buttonLabel: 'বিজ্ঞপ্তি, {{count}}টি পড়া হয়নি',
    title: 'বিজ্ঞপ্তি',
    markAll: 'সব পড়া হয়েছে',
    empty: 'এখনও কিছু নেই।',
  },
  title: {
    submitted: 'বুকিং জমা হয়েছে',
    approved: 'বুকিং অনুমোদিত',
    declined: 'বুকিং প্রত্যাখ্যাত',
    admitted: 'রোগী ভর্তি হয়েছেন',
    discharged: 'রোগীকে ছুটি দেওয়া হয়েছে',
    cancelled: 'বুকিং বাতিল',
    referred: 'বুকিং রেফার করা হয়েছে',
    referral: 'রেফারাল এসেছে',
    arrived: 'অনুমোদনের জন্য নতুন বুকিং',
  },
  message: {
    submitted: '{{reference}}: {{patient}}, {{hospital}}-এ একটি {{resource}}-এর অনুমোদনের অপেক্ষায়।',
    changedBecause:
      '{{reference}}: {{patient}}, {{hospital}}-এ {{resource}}: {{actor}} {{done}}। কারণ: {{reason}}',
    changedBy: '{{reference}}: {{patient}}, {{hospital}}-এ {{resource}}: {{actor}} {{done}}।',
    changed: '{{reference}}: {{patient}}, {{hospital}}-এ {{resource}}: {{done}}।',
    referred:
      '{{reference}}: {{patient}}, {{actor}} {{from}} থেকে {{to}}-এ রেফার করেছেন ({{toReference}})। কারণ: {{reason}}',
    referral:
      '{{reference}}: {{patient}}, {{from}}-এর {{actor}} রেফার করেছেন ({{fromReference}}), {{to}}-এর অনুমোদনের অপেক্ষায়। কারণ: {{reason}}',
    arrived: '{{reference}}: {{patient}}, {{resource}}, জরুরিতা {{urgency}}, নিবন্ধন করেছেন {{actor}}।',
  },
  done: {
    submitted: 'জমা দিয়েছেন',
    approved: 'অনুমোদন করেছেন',
    declined: 'প্রত্যাখ্যান করেছেন',
    admitted: 'ভর্তি করেছেন',
    discharged: 'ছুটি দিয়েছেন',
    cancelled: 'বাতিল করেছেন',
  },
}
