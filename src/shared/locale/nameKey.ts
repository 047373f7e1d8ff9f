/**
 * A name's sound, the same whichever script it was written in: রহিমা and Rahima, করিম and Karim,
 * মোঃ, Md. and Mohammad. Each word is read with the rules of Avro-style phonetic transliteration
 * (Bangla letters to their Roman spelling: খ kh, শ/ষ/স sh/s, ভ bh/v, য় y…) and both scripts are then
 * reduced to one skeleton: consonants by class (kh = k, q = k, ph = f = p, bh = v = b, z = j, th = t,
 * sh = s…), doubled consonants once, vowels dropped inside the word, since Bangla leaves its
 * inherent vowel unwritten and Latin spellings of one name disagree on vowels above all (Hossain,
 * Hussain, Hosen). A vowel at the start or end of a word stays, as `a`, so Ali is not Lee.
 *
 * Each word's key is written `^skeleton`: `^` marks the start of a word, so a search matches the
 * beginning of a word (rahim finds Rahima and Rahman, not Ibrahim). Main stores every booking's key
 * in the trigram index (migration 011) and searches the key of what was typed.
 */

/** Bangla consonants by sound class; ঙ and ং are "ng". */
const BANGLA_CONSONANT: Record<string, string> = {
  ক: 'k',
  খ: 'k',
  গ: 'g',
  ঘ: 'g',
  ঙ: 'ng',
  চ: 'c',
  ছ: 'c',
  জ: 'j',
  ঝ: 'j',
  ঞ: 'n',
  ট: 't',
  ঠ: 't',
  ড: 'd',
  ঢ: 'd',
  ণ: 'n',
  ত: 't',
  থ: 't',
  দ: 'd',
  ধ: 'd',
  ন: 'n',
  প: 'p',
  ফ: 'p',
  ব: 'b',
  ভ: 'b',
  ম: 'm',
  য: 'j',
  র: 'r',
  ল: 'l',
  শ: 's',
  ষ: 's',
  স: 's',
  হ: 'h',
  ড়: 'r',
  ঢ়: 'r',
  য়: 'V',
  ৎ: 't',
  'ং': 'ng',
}

const BANGLA_VOWEL = new Set([...'অআইঈউঊএঐওঔািীুূেৈোৌৗ'])
const NUKTA = '\u09BC'
const HASANTA = '\u09CD'

/** Latin digraphs first (Avro's spellings of aspirates and sibilants), then single letters. */
const LATIN_DIGRAPH: Record<string, string> = {
  kh: 'k',
  gh: 'g',
  ch: 'c',
  jh: 'j',
  th: 't',
  dh: 'd',
  ph: 'p',
  bh: 'b',
  sh: 's',
  zh: 'j',
  ck: 'k',
}
const LATIN_LETTER: Record<string, string> = {
  b: 'b',
  c: 'k',
  d: 'd',
  f: 'p',
  g: 'g',
  h: 'h',
  j: 'j',
  k: 'k',
  l: 'l',
  m: 'm',
  n: 'n',
  p: 'p',
  q: 'k',
  r: 'r',
  s: 's',
  t: 't',
  v: 'b',
  x: 'ks',
  z: 'j',
}
const LATIN_VOWEL = new Set([...'aeiouyw'])

/**
 * Words that stand for another: the abbreviations of Mohammad and Mosammat on every form in
 * Bangladesh, in both scripts, and their spellings that the skeleton alone does not join.
 */
const SAME_AS: Record<string, string> = {
  md: 'mohammad',
  mdd: 'mohammad',
  mohd: 'mohammad',
  muhd: 'mohammad',
  mhd: 'mohammad',
  মোঃ: 'mohammad',
  'মো:': 'mohammad',
  'মো.': 'mohammad',
  মো: 'mohammad',
  মুঃ: 'mohammad',
  মোহাঃ: 'mohammad',
  mst: 'mosammat',
  most: 'mosammat',
  mosst: 'mosammat',
  মোছাঃ: 'mosammat',
  মোসাঃ: 'mosammat',
  'মোছা:': 'mosammat',
  মোছা: 'mosammat',
  মোছাম্মৎ: 'mosammat',
  মোছাম্মত: 'mosammat',
}

const BANGLA = /[\u0980-\u09FF]/

/** The sounds of one word as class letters, `V` for a vowel. */
function banglaSounds(word: string): string[] {
  const out: string[] = []
  const chars = [...word]
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i]!
    if (chars[i + 1] === NUKTA) {
      c = c + NUKTA
      i++
    }
    c = c.normalize('NFC')
    if (c === 'য' + NUKTA) c = 'য়'
    if (c === 'ড' + NUKTA) c = 'ড়'
    if (c === 'ঢ' + NUKTA) c = 'ঢ়'
    const afterHasanta = chars[i - 1] === HASANTA
    if (c === 'ঋ' || c === 'ৃ') {
      out.push('r', 'V')
    } else if (BANGLA_VOWEL.has(c)) {
      out.push('V')
    } else if (afterHasanta && (c === 'য' || (c === 'ব' && !'রম'.includes(chars[i - 2] ?? '')))) {
      // য-ফলা and ব-ফলা are not spelt as consonants in Roman names (সত্য Satya, বিশ্বাস Biswas);
      // after a reph or ম the ব is a b (অপূর্ব Apurba, অম্বিয়া Ambia).
      out.push('V')
    } else if (c === 'য' && out.length > 0) {
      out.push('V')
    } else if (BANGLA_CONSONANT[c]) {
      out.push(...BANGLA_CONSONANT[c]!.split(''))
    }
    // ্ ঁ ঃ and anything else: no sound of their own in a name.
  }
  return out
}

function latinSounds(word: string): string[] {
  const out: string[] = []
  for (let i = 0; i < word.length; i++) {
    const two = word.slice(i, i + 2)
    if (LATIN_DIGRAPH[two]) {
      out.push(LATIN_DIGRAPH[two]!)
      i++
      continue
    }
    const c = word[i]!
    if (LATIN_VOWEL.has(c)) out.push('V')
    else if (LATIN_LETTER[c]) out.push(...LATIN_LETTER[c]!.split(''))
  }
  return out
}

/** The skeleton of a word's sounds: `^` + initial vowel as `a` + consonants once + final vowel as `a`. */
function skeleton(sounds: string[]): string {
  // A final h after a vowel is silent in Roman spellings and often unwritten in Bangla (Mollah মোল্লা).
  if (sounds.length >= 2 && sounds.at(-1) === 'h' && sounds.at(-2) === 'V') sounds = sounds.slice(0, -1)
  if (!sounds.some((s) => s !== 'V')) return sounds.length ? '^a' : ''
  let key = sounds[0] === 'V' ? 'a' : ''
  let last = ''
  for (const s of sounds) {
    if (s === 'V' || s === last) continue
    key += s
    last = s
  }
  if (sounds.at(-1) === 'V') key += 'a'
  return `^${key}`
}

/** The words of a name, lower case, without the dots and commas people put between them. */
function words(name: string): string[] {
  return name
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s,()/-]+/)
    .filter(Boolean)
}

function wordKey(raw: string): string {
  const same = SAME_AS[raw] ?? SAME_AS[raw.replace(/\.+$/, '')]
  const word = same ?? raw.replace(/[.'’`]/g, '')
  return skeleton(BANGLA.test(word) ? banglaSounds(word) : latinSounds(word))
}

/** A whole name's key, as stored: one `^skeleton` a word, separated by spaces. */
export function nameKey(name: string): string {
  return words(name).map(wordKey).filter(Boolean).join(' ')
}

/**
 * What a search box's text is searched as: one key a word, each a prefix of a word of the name.
 * A word's final vowel is dropped when two consonants remain, so "rahima" also finds রহিম being
 * typed. Null when a word has no key of its own (a number, one letter): then only the text is searched.
 */
export function nameQueryKeys(text: string): string[] | null {
  const keys: string[] = []
  for (const w of words(text)) {
    let key = wordKey(w)
    const consonants = key.replace(/^\^a?/, '').replace(/a$/, '')
    // A word with no sound of a name (a number, a lone letter): the key cannot say what was meant.
    if (consonants.length < 1 || key.length < 3) return null
    if (key.endsWith('a') && consonants.length >= 2) key = key.slice(0, -1)
    keys.push(key)
  }
  return keys.length ? keys : null
}

/** Whether a word of the search is an abbreviation that only the key can find (md, মোঃ). */
export function isNameAbbreviation(text: string): boolean {
  return words(text).some((w) => SAME_AS[w] !== undefined || SAME_AS[w.replace(/\.+$/, '')] !== undefined)
}
