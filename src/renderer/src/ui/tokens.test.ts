import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/** The tokens as written in tokens.css: name → #rrggbb. */
function tokens(): Record<string, string> {
  const css = fs.readFileSync(path.join(__dirname, 'tokens.css'), 'utf8')
  return Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!]))
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** Every text colour the kit and the screens put on every background they put it on. */
const PAIRS: [text: string, background: string][] = [
  ...[
    'text',
    'muted',
    'primary',
    'danger',
    'danger-text',
    'warning-text',
    'success',
    'success-text',
    'info',
    'info-text',
    'neutral-text',
  ].flatMap((t): [string, string][] => ['bg', 'surface', 'surface-2'].map((b): [string, string] => [t, b])),
  ['primary', 'primary-50'],
  ['success-text', 'success-bg'],
  ['success-text', 'success-50'],
  ['warning-text', 'warning-bg'],
  ['warning-text', 'warning-50'],
  ['danger-text', 'danger-bg'],
  ['danger-text', 'danger-50'],
  ['info-text', 'info-bg'],
  ['info-text', 'info-50'],
  ['neutral-text', 'neutral-50'],
  ['muted', 'neutral-50'],
  ['sidebar-text', 'sidebar'],
  ['#ffffff', 'primary'],
  ['#ffffff', 'primary-600'],
  ['#ffffff', 'danger'],
  ['#ffffff', 'text'],
]

describe('design tokens', () => {
  const t = tokens()
  const colour = (name: string) => (name.startsWith('#') ? name : t[name])

  it.each(PAIRS)('%s on %s reads at 4.5:1 or more (WCAG AA)', (text, background) => {
    expect(colour(text), `token --${text}`).toBeDefined()
    expect(colour(background), `token --${background}`).toBeDefined()
    expect(contrast(colour(text)!, colour(background)!)).toBeGreaterThanOrEqual(4.5)
  })

  it('measures contrast the way WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  })
})
