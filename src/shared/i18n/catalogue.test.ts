import { describe, expect, it } from 'vitest'
import { bn } from './bn'
import { en } from './en'

/** Every key path of a catalogue, `nav.home` style. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  )
}

describe('the catalogues', () => {
  it('have the same keys in English and Bangla: a key in one language only fails here', () => {
    const inEn = keys(en)
    const inBn = keys(bn)
    expect(
      inEn.filter((k) => !inBn.includes(k)),
      'only in English',
    ).toEqual([])
    expect(
      inBn.filter((k) => !inEn.includes(k)),
      'only in Bangla',
    ).toEqual([])
  })

  it('leave no Bangla word empty or still in English, except the switch back to English', () => {
    const flat = (tree: object): [string, string][] =>
      keys(tree).map((k) => [
        k,
        k.split('.').reduce<unknown>((t, p) => (t as Record<string, unknown>)[p], tree) as string,
      ])
    for (const [key, word] of flat(bn)) {
      expect(word.trim(), key).not.toBe('')
      if (!key.startsWith('shell.otherLanguage') && !key.startsWith('shell.switchLanguage'))
        expect(word, key).toMatch(/[\u0980-\u09FF]/)
    }
  })
})
