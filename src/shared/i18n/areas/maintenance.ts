import type { Words } from '../words'

/** The maintenance words, English. Keys are nested by screen or dialog; bn below mirrors them key for key. */
export const en = {
  title: 'Maintenance',
  subtitle: 'The health of this desk’s database, and the upkeep that keeps it fast and whole.',
  refresh: 'Refresh',
  encryption: 'Encryption',
  encrypted: 'Encrypted.',
  encryptedText:
    'The database file and its backups are SQLCipher-encrypted (AES-256): unreadable without this desk’s key or its recovery code.',
  notEncrypted: 'Not encrypted.',
  notEncryptedText:
    'Anyone holding the database file or a backup can read every patient in it. Encrypt it with',
  notEncryptedEnd: 'while the desk is closed.',
  database: 'Database',
  onDisk: 'On disk {{db}} + {{wal}} WAL · schema {{schema}}',
  pages: 'Pages',
  pagesSub: '{{free}} free · {{size}} per page',
  lastBackup: 'Last backup',
  never: 'Never',
  openBackups: 'Open Backups →',
  lastIntegrity: 'Last integrity check',
  noProblems: 'No problems',
  problems: '{{count}} problem(s)',
  runOne: 'Run one below',
  tasks: 'Tasks',
  running: 'Running…',
  task: {
    integrity: {
      title: 'Integrity check',
      description:
        'SQLite’s integrity and foreign-key checks, the resource invariant (available + occupied + reserved + maintenance = total), and every resource’s audit trail replayed.',
      button: 'Check now',
    },
    analyze: {
      title: 'Analyze',
      description: 'Refresh the statistics the query planner uses to choose indexes.',
      button: 'Analyze',
    },
    optimize: {
      title: 'Optimize',
      description: 'Let SQLite run the optimisations it judges worthwhile (PRAGMA optimize).',
      button: 'Optimize',
    },
    vacuum: {
      title: 'Vacuum',
      description: 'Rewrite the file to give free pages back to the disk. The desk pauses while it runs.',
      button: 'Vacuum',
    },
    cleanup: {
      title: 'Clean up',
      description:
        'Delete old read notifications and expire blood requests past their date. Shows the counts first; bookings and the audit trail are never touched.',
      button: 'Clean up…',
    },
  },
  outcome: {
    integrityOk:
      'No problems: integrity ok, no broken references, invariant holds, {{checked}} resources’ audit trails agree ({{replayed}} rows replayed).',
    integrityBad: '{{count}} problem(s) found.',
    vacuum: 'Freed {{freed}} ({{before}} → {{after}}).',
    analyze: 'Statistics for the query planner were refreshed (ANALYZE).',
    optimize: 'SQLite ran the optimisations it judged worthwhile (PRAGMA optimize).',
  },
  housekeeping: 'Housekeeping',
  item: {
    oldReadNotifications: {
      label: 'Read notifications older than {{n}} days',
      action: 'Deleted by cleanup.',
    },
    expiredBloodRequests: {
      label: 'Active blood requests past their required-by date',
      action: "Marked 'expired' by cleanup.",
    },
    oldChanges: {
      label: 'Live-change records older than {{n}} days',
      action: 'Deleted by cleanup (open screens have long since re-read them).',
    },
    stalePendingBookings: {
      label: 'Pending bookings scheduled more than {{n}} hours ago',
      action: 'Left for the desk to decline or cancel: cleanup never changes a booking.',
    },
  },
  rowsPerTable: 'Rows per table',
  confirm: {
    title: 'Clean up the database?',
    subtitle: 'What cleanup finds now, and what it does.',
    cancel: 'Cancel',
    nothing: 'Nothing to clean up',
    rows_one: 'Clean up {{n}} row',
    rows_other: 'Clean up {{n}} rows',
  },
}

export const bn: Words<typeof en> = {
  title: 'রক্ষণাবেক্ষণ',
  subtitle: 'এই ডেস্কের ডেটাবেসের অবস্থা, এবং যে যত্ন একে দ্রুত ও অক্ষত রাখে।',
  refresh: 'আবার দেখুন',
  encryption: 'এনক্রিপশন',
  encrypted: 'এনক্রিপ্ট করা।',
  encryptedText:
    'ডেটাবেস ফাইল ও এর ব্যাকআপ SQLCipher দিয়ে এনক্রিপ্ট করা (AES-256): এই ডেস্কের কি বা পুনরুদ্ধার কোড ছাড়া পড়া যায় না।',
  notEncrypted: 'এনক্রিপ্ট করা নয়।',
  notEncryptedText:
    'ডেটাবেস ফাইল বা একটি ব্যাকআপ যার হাতে থাকবে, সে এর প্রতিটি রোগীর তথ্য পড়তে পারবে। ডেস্ক বন্ধ রেখে এনক্রিপ্ট করুন:',
  notEncryptedEnd: 'কমান্ডটি চালিয়ে।',
  database: 'ডেটাবেস',
  onDisk: 'ডিস্কে {{db}} + {{wal}} WAL · স্কিমা {{schema}}',
  pages: 'পৃষ্ঠা',
  pagesSub: '{{free}}টি খালি · প্রতি পৃষ্ঠা {{size}}',
  lastBackup: 'শেষ ব্যাকআপ',
  never: 'কখনো হয়নি',
  openBackups: 'ব্যাকআপ খুলুন →',
  lastIntegrity: 'শেষ অখণ্ডতা যাচাই',
  noProblems: 'কোনো সমস্যা নেই',
  problems: '{{count}}টি সমস্যা',
  runOne: 'নিচে থেকে একটি চালান',
  tasks: 'কাজ',
  running: 'চলছে…',
  task: {
    integrity: {
      title: 'অখণ্ডতা যাচাই',
      description:
        'SQLite-এর অখণ্ডতা ও ফরেন-কি যাচাই, সুবিধার নিয়ম (খালি + ভর্তি + সংরক্ষিত + রক্ষণাবেক্ষণ = মোট), এবং প্রতিটি সুবিধার নিরীক্ষা আবার মিলিয়ে দেখা।',
      button: 'এখনই যাচাই করুন',
    },
    analyze: {
      title: 'বিশ্লেষণ',
      description: 'কোয়েরি প্ল্যানার সূচক বাছাইয়ে যে পরিসংখ্যান ব্যবহার করে, তা হালনাগাদ করুন।',
      button: 'বিশ্লেষণ করুন',
    },
    optimize: {
      title: 'অপটিমাইজ',
      description: 'SQLite যে অপটিমাইজেশন দরকারি মনে করে, তা চালাতে দিন (PRAGMA optimize)।',
      button: 'অপটিমাইজ করুন',
    },
    vacuum: {
      title: 'ভ্যাকুয়াম',
      description: 'ফাইলটি নতুন করে লিখে খালি পৃষ্ঠা ডিস্কে ফেরত দিন। চলার সময় ডেস্ক থেমে থাকে।',
      button: 'ভ্যাকুয়াম করুন',
    },
    cleanup: {
      title: 'পরিষ্কার',
      description:
        'পুরোনো পড়া বিজ্ঞপ্তি মুছুন এবং তারিখ পেরোনো রক্তের অনুরোধ মেয়াদোত্তীর্ণ করুন। আগে সংখ্যা দেখায়; বুকিং ও নিরীক্ষায় কখনো হাত দেয় না।',
      button: 'পরিষ্কার করুন…',
    },
  },
  outcome: {
    integrityOk:
      'কোনো সমস্যা নেই: অখণ্ডতা ঠিক আছে, কোনো ভাঙা সংযোগ নেই, নিয়ম মানা হচ্ছে, {{checked}}টি সুবিধার নিরীক্ষা মিলেছে ({{replayed}}টি সারি মিলিয়ে দেখা হয়েছে)।',
    integrityBad: '{{count}}টি সমস্যা পাওয়া গেছে।',
    vacuum: '{{freed}} খালি হয়েছে ({{before}} → {{after}})।',
    analyze: 'কোয়েরি প্ল্যানারের পরিসংখ্যান হালনাগাদ হয়েছে (ANALYZE)।',
    optimize: 'SQLite দরকারি অপটিমাইজেশন চালিয়েছে (PRAGMA optimize)।',
  },
  housekeeping: 'ঘর গোছানো',
  item: {
    oldReadNotifications: {
      label: '{{n}} দিনের বেশি পুরোনো পড়া বিজ্ঞপ্তি',
      action: 'পরিষ্কারে মুছে ফেলা হয়।',
    },
    expiredBloodRequests: {
      label: 'প্রয়োজনের তারিখ পেরোনো চলমান রক্তের অনুরোধ',
      action: 'পরিষ্কারে মেয়াদোত্তীর্ণ চিহ্নিত হয়।',
    },
    oldChanges: {
      label: '{{n}} দিনের বেশি পুরোনো লাইভ-পরিবর্তনের রেকর্ড',
      action: 'পরিষ্কারে মুছে ফেলা হয় (খোলা স্ক্রিন অনেক আগেই এগুলো পড়ে নিয়েছে)।',
    },
    stalePendingBookings: {
      label: '{{n}} ঘণ্টার বেশি আগের নির্ধারিত অপেক্ষমাণ বুকিং',
      action: 'ডেস্কের প্রত্যাখ্যান বা বাতিলের জন্য রাখা: পরিষ্কার কখনো বুকিং বদলায় না।',
    },
  },
  rowsPerTable: 'প্রতি টেবিলের সারি',
  confirm: {
    title: 'ডেটাবেস পরিষ্কার করবেন?',
    subtitle: 'পরিষ্কার এখন কী পাচ্ছে, আর কী করবে।',
    cancel: 'বাতিল করুন',
    nothing: 'পরিষ্কার করার কিছু নেই',
    rows_one: '{{n}}টি সারি পরিষ্কার করুন',
    rows_other: '{{n}}টি সারি পরিষ্কার করুন',
  },
}
