import type { Words } from '../words'

/**
 * The Electron menu's words (main builds it: src/main/electron/menu.ts), and the About box. Main
 * rebuilds the menu in the signed-in user's language; before anyone signs in, in the OS's.
 */
export const en = {
  file: 'File',
  exportBackup: 'Export Backup…',
  restoreBackup: 'Restore Backup…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  help: 'Help',
  about: 'About RapidCare Desk',
  aboutVersion: 'Version {{version}}',
  aboutSchema: 'Schema version {{version}}',
  aboutDatabase: 'Database: {{path}}',
}

export const bn: Words<typeof en> = {
  file: 'ফাইল',
  exportBackup: 'ব্যাকআপ এক্সপোর্ট…',
  restoreBackup: 'ব্যাকআপ পুনরুদ্ধার…',
  quit: 'বন্ধ করুন',
  edit: 'সম্পাদনা',
  undo: 'আগের অবস্থায় ফিরুন',
  redo: 'আবার করুন',
  cut: 'কাটুন',
  copy: 'কপি করুন',
  paste: 'পেস্ট করুন',
  selectAll: 'সব বেছে নিন',
  view: 'দেখুন',
  reload: 'আবার লোড করুন',
  resetZoom: 'আসল আকার',
  zoomIn: 'বড় করুন',
  zoomOut: 'ছোট করুন',
  fullScreen: 'পূর্ণ পর্দা',
  help: 'সাহায্য',
  about: 'RapidCare Desk সম্পর্কে',
  aboutVersion: 'সংস্করণ {{version}}',
  aboutSchema: 'স্কিমা সংস্করণ {{version}}',
  aboutDatabase: 'ডেটাবেস: {{path}}',
}
