import type { Words } from '../words'

/** The kit's own words (src/renderer/src/ui): what every screen shows the same way. */
export const en = {
  table: {
    loading: 'Loading…',
    retry: 'Retry',
  },
  pager: {
    pages: 'Pages',
    range: '{{from}}–{{to}} of {{total}}',
    previous: 'Previous',
    next: 'Next',
  },
  dialog: {
    close: 'Close dialog',
  },
  toast: {
    region: 'What the desk just did',
    dismiss: 'Dismiss',
    newBooking: 'New booking in your queue: {{ref}}',
    newBookingDetail: '{{patient}}, {{resource}}, urgency {{urgency}}.',
  },
  badge: {
    partRefunded: 'Part refunded',
  },
  form: {
    cancel: 'Cancel',
    saving: 'Saving…',
    choose: 'Choose…',
  },
}

export const bn: Words<typeof en> = {
  table: {
    loading: 'লোড হচ্ছে…',
    retry: 'আবার চেষ্টা করুন',
  },
  pager: {
    pages: 'পাতা',
    range: '{{total}}টির মধ্যে {{from}}–{{to}}',
    previous: 'আগের পাতা',
    next: 'পরের পাতা',
  },
  dialog: {
    close: 'ডায়ালগ বন্ধ করুন',
  },
  toast: {
    region: 'ডেস্ক এইমাত্র যা করল',
    dismiss: 'সরিয়ে দিন',
    newBooking: 'আপনার সারিতে নতুন বুকিং: {{ref}}',
    newBookingDetail: '{{patient}}, {{resource}}, জরুরিতা {{urgency}}।',
  },
  badge: {
    partRefunded: 'আংশিক ফেরত',
  },
  form: {
    cancel: 'বাতিল করুন',
    saving: 'সংরক্ষণ হচ্ছে…',
    choose: 'বেছে নিন…',
  },
}
