import { isNameAbbreviation, nameKey, nameQueryKeys } from '../../shared/locale/nameKey'

/**
 * The name index of migrations 013 and 014. Each booking's name is indexed as words that FTS5's
 * `ascii` tokenizer keeps whole: one word a trigram (three characters) of the name, one a pair of
 * its characters (two typed characters are an index read too), and one each start of the sound of
 * each of its words (src/shared/locale/nameKey.ts: Rahman sounds ^rhmn, held as rh, rhm, rhmn), each
 * written twice, once for every hospital and once prefixed by the booking's hospital; and, for every
 * hospital only, each character once (014: a letter no name has was a read of every booking).
 *
 * A search within one hospital reads only that hospital's entries of each word (a fiftieth of them
 * in a city of fifty hospitals), where migration 011 walked every hospital's entries of a trigram to
 * intersect them with a hospital column, over its 5 ms budget at a million bookings. Names and keys
 * never share a word, so a sound is read without the names' entries that have the same letters.
 *
 * Characters are written as hexadecimal code points, so any text (quotes, Bangla, a stray control
 * character) becomes a word of letters and digits: nothing typed can reach FTS5's query syntax. The
 * index and the search both fold with this one module, so they cannot disagree. What it writes is
 * what the index holds: a change to it (or to nameKey) needs a migration that rebuilds the index.
 */

/** The text as the index folds it: composed, lower case, as code points. */
function chars(text: string): string[] {
  return [...text.normalize('NFC').toLowerCase()]
}

/**
 * A word family: `g` a trigram of the name, `p` a pair of its characters, `k` the start of a word's
 * sound, `u` one character. A hospital's words start with its id, so no family or hospital shares a
 * word with another.
 */
type Family = 'g' | 'p' | 'k' | 'u'

function word(family: Family, cs: string[], hospitalId: number | null): string {
  return `${hospitalId ?? ''}${family}${cs.map((c) => c.codePointAt(0)!.toString(16)).join(family)}`
}

/** The windows of `size` characters of a folded text, as FTS5's trigram tokenizer cuts them. */
function windows(family: 'g' | 'p', size: number, cs: string[], hospitalId: number | null): string[] {
  const out: string[] = []
  for (let i = 0; i + size <= cs.length; i++) out.push(word(family, cs.slice(i, i + size), hospitalId))
  return out
}

/**
 * The starts of each word's sound, two letters and longer: a sound typed is found by one word of
 * the index, without the position checks a phrase of trigrams needs (the keys' trigrams, ^ra, rah,
 * are among the commonest of the index, and a phrase of them read them all).
 */
function soundStarts(key: string, hospitalId: number | null): string[] {
  return key
    .split(' ')
    .flatMap((k) => {
      const cs = chars(k.replace(/^\^/, ''))
      return cs.slice(1).map((_, i) => word('k', cs.slice(0, i + 2), hospitalId))
    })
    .filter((w, i, all) => all.indexOf(w) === i)
}

/**
 * What the index holds for one booking (the SQL function rc_name_tokens(hospitalId, patientName)).
 * The seven runs are separated by a full stop, which the tokenizer drops; a phrase never spans two
 * runs, because each run's words have their own family and hospital.
 */
export function nameTokens(hospitalId: number, name: string): string {
  const key = nameKey(name)
  const cs = chars(name) // folded once, for every run
  // One character within one hospital is read from that hospital's names (migration 006's index).
  const letters = [...new Set(cs)].map((c) => word('u', [c], null))
  return [null, hospitalId]
    .flatMap((h) => [windows('g', 3, cs, h), windows('p', 2, cs, h), soundStarts(key, h)])
    .concat([letters])
    .map((run) => run.join(' '))
    .join(' . ')
}

/**
 * The FTS5 queries a typed name is searched with, in the name index: the text itself anywhere in
 * the name, and the sound of each word typed at the start of a word of the name (rahima finds
 * রহিমা, md finds মোঃ; for two characters only when they are such an abbreviation). They are run
 * one by one and their matches merged: FTS5's own OR of the two read both far more slowly than each
 * alone. One character is one word across every hospital; within one hospital none (empty): the
 * caller reads that hospital's names.
 */
export function nameMatches(text: string, hospitalId: number | null): string[] {
  const cs = chars(text)
  const length = cs.length
  if (length === 1) return hospitalId === null ? [`"${word('u', cs, null)}"`] : []
  if (length < 2) return []
  const literal = `"${windows(length === 2 ? 'p' : 'g', Math.min(length, 3), cs, hospitalId).join(' ')}"`
  const keys = length === 2 && !isNameAbbreviation(text) ? null : nameQueryKeys(text)
  // Each word typed is the start of a word's sound: one index word each (a key is ^ and two letters or more).
  const sound = keys?.map((k) => `"${word('k', chars(k.slice(1)), hospitalId)}"`).join(' AND ')
  return sound ? [literal, sound] : [literal]
}
