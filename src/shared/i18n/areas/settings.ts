import type { Words } from '../words'

/** The settings words, English. Keys are nested by screen or dialog; bn below mirrors them key for key. */
export const en = {
  /** How this user's desk shows words and numbers (the sidebar's switches). */
  display: {
    /** Shown only in Bangla: English numbers are always ASCII digits. */
    banglaDigits: 'Bangla digits',
    banglaDigitsHint: 'Show numbers in Bangla digits (০–৯)',
    on: 'on',
    off: 'off',
  },
}

export const bn: Words<typeof en> = {
  display: {
    banglaDigits: 'বাংলা অঙ্ক',
    banglaDigitsHint: 'সংখ্যা বাংলা অঙ্কে (০–৯) দেখান',
    on: 'চালু',
    off: 'বন্ধ',
  },
}
