import type { Words } from '../words'

/** The print words, English. Keys are nested by screen or dialog; bn below mirrors them key for key. */
export const en = {
  /** The admission slip the patient's family carries to the ward. */
  slip: {
    title: 'Admission slip',
    patient: 'Patient',
    ageGender: 'Age, gender',
    admittedTo: 'Admitted to',
    condition: 'Condition',
    admitted: 'Admitted',
    admittedBy: 'Admitted by',
    approvedBy: 'Approved by',
    note: 'Note',
    emergencyContact: 'Emergency contact',
    qr: 'QR code of {{reference}}',
    printed: 'Printed {{time}}. Keep this slip with the patient.',
    close: 'Close',
    savePdf: 'Save as PDF',
    pdfTitle: 'Admission slip {{reference}}',
    print: 'Print slip',
  },
}

export const bn: Words<typeof en> = {
  slip: {
    title: 'ভর্তির স্লিপ',
    patient: 'রোগী',
    ageGender: 'বয়স, লিঙ্গ',
    admittedTo: 'যেখানে ভর্তি',
    condition: 'রোগের অবস্থা',
    admitted: 'ভর্তির সময়',
    admittedBy: 'ভর্তি করেছেন',
    approvedBy: 'অনুমোদন করেছেন',
    note: 'নোট',
    emergencyContact: 'জরুরি যোগাযোগ',
    qr: '{{reference}}-এর কিউআর কোড',
    printed: 'প্রিন্টের সময় {{time}}। এই স্লিপটি রোগীর সঙ্গে রাখুন।',
    close: 'বন্ধ করুন',
    savePdf: 'পিডিএফ হিসেবে সংরক্ষণ করুন',
    pdfTitle: 'ভর্তির স্লিপ {{reference}}',
    print: 'স্লিপ প্রিন্ট করুন',
  },
}
