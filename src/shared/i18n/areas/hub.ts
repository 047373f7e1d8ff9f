import type { Words } from '../words'

/** The hub words, English. Keys are nested by screen or dialog; bn below mirrors them key for key. */
export const en = {
  /** Settings, shown to an admin: this desk on the hospital's network. */
  card: {
    title: 'The hospital network',
    looking: 'Looking…',
    address: 'Address',
    fingerprint: 'Certificate SHA-256',
    servedHub:
      'This desk is the hospital’s hub. Another workstation joins by opening the address in a browser (check that the certificate’s SHA-256 fingerprint is this one), or in the RapidCare Desk application under Connect to the hospital’s desk, with both.',
    servedOwn:
      'This desk serves this workstation only. To make it the hospital’s hub, start it with {{command}}: it then prints its address and certificate fingerprint, and shows them here.',
  },
  share: {
    title: 'Share this desk on the hospital network',
    intro:
      'This desk becomes the hospital’s hub: it keeps the one database, and the other desks work on it over the hospital’s own network, with no internet. Every desk then sees the same free beds, live.',
    port: 'Port',
    portHint: 'From 1024 to 65535. The other desks type it after the address.',
    hostName: 'Host name (optional)',
    hostNameHint: 'The name the other desks type, if your network has one (e.g. desk-1.hospital.lan).',
    start: 'Share this desk',
    starting: 'Starting…',
    sharing:
      'Shared on the hospital network. Give the other desks this address and fingerprint: they check the fingerprint before they trust this desk.',
    stop: 'Stop sharing',
    stopping: 'Stopping…',
    started: 'This desk is now the hospital’s hub at {{url}}.',
    stopped: 'This desk is no longer shared: the other desks cannot reach it.',
    stopConfirm:
      'Stop sharing? The other desks lose their connection to this desk’s data until it is shared again.',
    copy: 'Copy',
    copied: 'Copied.',
  },
  connect: {
    title: 'Connect to the hospital’s desk',
    intro:
      'Work on the hospital’s hub instead of this desk’s own data. Ask the hub’s administrator for its address and its certificate fingerprint (both are in the hub’s Settings).',
    url: 'Hub address',
    urlHint: 'As the hub shows it, e.g. https://desk-1.hospital.lan:8443',
    fingerprint: 'Certificate fingerprint (SHA-256)',
    fingerprintHint: '64 letters and digits, in pairs: AA:BB:…. Colons and spaces are optional.',
    submit: 'Check and connect',
    checking: 'Checking the hub…',
    restarting: 'Connected to {{host}}. The desk restarts on the hub’s data…',
    sharedFirst: 'This desk is the hospital’s hub. Stop sharing it before it can join another desk.',
    connectedTo:
      'This desk works on the hospital’s desk at {{url}}: it has no data of its own, and every change commits on the hub.',
    leave: 'Use this desk’s own data again',
    leaving: 'Leaving…',
    leaveConfirm:
      'Leave the hospital’s desk? This desk then restarts on its own data, which the other desks do not see.',
    left: 'This desk restarts on its own data…',
  },
  /** The first-run choice in the application. */
  firstRun: {
    choice: 'Connect to the hospital’s desk',
    title: 'Connect to the hospital’s desk',
    subtitle:
      'Another workstation is the hospital’s hub: this desk works on its data over the hospital’s network. Ask its administrator for the address and fingerprint.',
  },
}

export const bn: Words<typeof en> = {
  card: {
    title: 'হাসপাতালের নেটওয়ার্ক',
    looking: 'খোঁজা হচ্ছে…',
    address: 'ঠিকানা',
    fingerprint: 'সার্টিফিকেট SHA-256',
    servedHub:
      'এই ডেস্কটি হাসপাতালের হাব। অন্য কম্পিউটার ব্রাউজারে ঠিকানাটি খুলে যুক্ত হয় (সার্টিফিকেটের SHA-256 ফিঙ্গারপ্রিন্ট এটিই কিনা মিলিয়ে নিন), অথবা RapidCare Desk অ্যাপ্লিকেশনে “হাসপাতালের ডেস্কে যুক্ত হোন” থেকে, দুটো দিয়েই।',
    servedOwn:
      'এই ডেস্কটি শুধু এই কম্পিউটারের জন্য। একে হাসপাতালের হাব করতে {{command}} দিয়ে চালু করুন: তখন এটি ঠিকানা ও সার্টিফিকেট ফিঙ্গারপ্রিন্ট ছাপে, এবং এখানে দেখায়।',
  },
  share: {
    title: 'হাসপাতালের নেটওয়ার্কে এই ডেস্কটি শেয়ার করুন',
    intro:
      'এই ডেস্কটি হাসপাতালের হাব হবে: একটিই ডেটাবেস এখানে থাকবে, আর অন্য ডেস্কগুলো হাসপাতালের নিজের নেটওয়ার্কে, ইন্টারনেট ছাড়াই, এতে কাজ করবে। তখন প্রতিটি ডেস্ক একই খালি শয্যা সঙ্গে সঙ্গে দেখে।',
    port: 'পোর্ট',
    portHint: '১০২৪ থেকে ৬৫৫৩৫। অন্য ডেস্কগুলো ঠিকানার পরে এটি লেখে।',
    hostName: 'হোস্টের নাম (ঐচ্ছিক)',
    hostNameHint: 'আপনার নেটওয়ার্কে নাম থাকলে, অন্য ডেস্কগুলো যে নাম লিখবে (যেমন desk-1.hospital.lan)।',
    start: 'এই ডেস্কটি শেয়ার করুন',
    starting: 'চালু হচ্ছে…',
    sharing:
      'হাসপাতালের নেটওয়ার্কে শেয়ার করা হয়েছে। অন্য ডেস্কগুলোকে এই ঠিকানা ও ফিঙ্গারপ্রিন্ট দিন: এই ডেস্কে ভরসা করার আগে তারা ফিঙ্গারপ্রিন্ট মিলিয়ে নেয়।',
    stop: 'শেয়ার বন্ধ করুন',
    stopping: 'বন্ধ হচ্ছে…',
    started: 'এই ডেস্কটি এখন {{url}} ঠিকানায় হাসপাতালের হাব।',
    stopped: 'এই ডেস্কটি আর শেয়ার করা নেই: অন্য ডেস্কগুলো এতে পৌঁছাতে পারবে না।',
    stopConfirm: 'শেয়ার বন্ধ করবেন? আবার শেয়ার না করা পর্যন্ত অন্য ডেস্কগুলো এই ডেস্কের ডেটার সঙ্গে সংযোগ হারাবে।',
    copy: 'কপি করুন',
    copied: 'কপি হয়েছে।',
  },
  connect: {
    title: 'হাসপাতালের ডেস্কে যুক্ত হোন',
    intro:
      'এই ডেস্কের নিজের ডেটার বদলে হাসপাতালের হাবে কাজ করুন। হাবের অ্যাডমিনের কাছে এর ঠিকানা ও সার্টিফিকেট ফিঙ্গারপ্রিন্ট চেয়ে নিন (দুটোই হাবের সেটিংসে আছে)।',
    url: 'হাবের ঠিকানা',
    urlHint: 'হাব যেভাবে দেখায়, যেমন https://desk-1.hospital.lan:8443',
    fingerprint: 'সার্টিফিকেট ফিঙ্গারপ্রিন্ট (SHA-256)',
    fingerprintHint: 'জোড়ায় জোড়ায় ৬৪টি অক্ষর ও অঙ্ক: AA:BB:…। কোলন ও ফাঁকা জায়গা ঐচ্ছিক।',
    submit: 'যাচাই করে যুক্ত হোন',
    checking: 'হাব যাচাই হচ্ছে…',
    restarting: '{{host}}-এ যুক্ত হয়েছে। ডেস্কটি হাবের ডেটা নিয়ে আবার চালু হচ্ছে…',
    sharedFirst: 'এই ডেস্কটি হাসপাতালের হাব। অন্য ডেস্কে যুক্ত হওয়ার আগে এর শেয়ার বন্ধ করুন।',
    connectedTo:
      'এই ডেস্কটি {{url}} ঠিকানায় হাসপাতালের ডেস্কে কাজ করে: এর নিজের কোনো ডেটা নেই, প্রতিটি পরিবর্তন হাবে সংরক্ষিত হয়।',
    leave: 'আবার এই ডেস্কের নিজের ডেটা ব্যবহার করুন',
    leaving: 'ছেড়ে যাচ্ছে…',
    leaveConfirm:
      'হাসপাতালের ডেস্ক ছেড়ে যাবেন? তখন ডেস্কটি নিজের ডেটা নিয়ে আবার চালু হবে, যা অন্য ডেস্কগুলো দেখে না।',
    left: 'ডেস্কটি নিজের ডেটা নিয়ে আবার চালু হচ্ছে…',
  },
  firstRun: {
    choice: 'হাসপাতালের ডেস্কে যুক্ত হোন',
    title: 'হাসপাতালের ডেস্কে যুক্ত হোন',
    subtitle:
      'অন্য একটি কম্পিউটার হাসপাতালের হাব: এই ডেস্কটি হাসপাতালের নেটওয়ার্কে তার ডেটায় কাজ করে। এর অ্যাডমিনের কাছে ঠিকানা ও ফিঙ্গারপ্রিন্ট চেয়ে নিন।',
  },
}
