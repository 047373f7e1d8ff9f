/**
 * The renderer's stores are tested in Node against the real desk (stores.test.ts). They speak through
 * i18next, whose setup (src/renderer/src/i18n.ts) reads the browser's remembered language and writes
 * the page's `lang`: Node has no localStorage, navigator or document, so the few members that setup
 * touches are given here, empty, and the stores speak English as a fresh desk on an English system.
 * Only what is missing is defined: a real browser global is never replaced.
 */
const g = globalThis as Record<string, unknown>

if (g.localStorage === undefined) {
  const items = new Map<string, string>()
  g.localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  }
}
if (g.navigator === undefined) g.navigator = { language: 'en-US' }
if (g.document === undefined) g.document = { documentElement: { lang: '' } }
