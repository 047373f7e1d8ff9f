import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/** Every stylesheet of the renderer. */
function sheets(dir = __dirname): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sheets(full)
    return e.name.endsWith('.css') ? [full] : []
  })
}

/** The selectors a sheet defines at any depth (inside @media too), one by one. */
export function selectors(css: string): string[] {
  const out: string[] = []
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{/g)) {
    const head = m[1]!.trim()
    if (head.startsWith('@') || /^(from|to|\d+%)$/.test(head)) continue
    out.push(...head.split(',').map((s) => s.trim().replace(/\s+/g, ' ')))
  }
  return out
}

/** What a selector means across the page: a CSS module's own classes are scoped to it, :global() is not. */
function globalPart(file: string, selector: string): string | null {
  if (!file.endsWith('.module.css')) return selector
  const g = /^:global\((.+)\)$/.exec(selector)
  return g ? g[1]! : null
}

describe('the stylesheets', () => {
  it('define each global selector in one file only (no later file silently overriding another)', () => {
    const where = new Map<string, Set<string>>()
    for (const file of sheets()) {
      for (const sel of selectors(fs.readFileSync(file, 'utf8'))) {
        const g = globalPart(file, sel)
        if (g === null) continue
        if (!where.has(g)) where.set(g, new Set())
        where.get(g)!.add(path.relative(__dirname, file))
      }
    }
    const twice = [...where]
      .filter(([, files]) => files.size > 1)
      .map(([s, files]) => `${s}: ${[...files].join(', ')}`)
    expect(twice).toEqual([])
  })

  it('name the bundled Bengali font in every font stack (Bangla is never left to a machine’s fonts)', () => {
    const all = sheets().map((file) => ({
      file,
      css: fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''),
    }))
    const tokens = new Map<string, string>()
    for (const { css } of all)
      for (const m of css.matchAll(/(--font[\w-]*)\s*:\s*([^;]+);/g)) tokens.set(m[1]!, m[2]!)
    const stacks = all.flatMap(({ file, css }) =>
      [...css.matchAll(/(?:^|[;{\s])font(?:-family)?\s*:\s*([^;}]+)/g)].map((m) => ({
        file: path.relative(__dirname, file),
        value: m[1]!.trim(),
      })),
    )
    expect(stacks.length).toBeGreaterThan(3)
    const resolved = (value: string) =>
      value.replace(/var\((--font[\w-]*)\)/g, (_, name: string) => tokens.get(name) ?? '')
    const without = stacks.filter(
      ({ value }) => value !== 'inherit' && !resolved(value).includes("'Noto Sans Bengali'"),
    )
    expect(without.map(({ file, value }) => `${file}: ${value}`)).toEqual([])
  })

  it('finds a selector defined twice (the check itself works)', () => {
    expect(selectors('.a { x: 1 } @media print { .a, .b .c { y: 2 } }')).toEqual(['.a', '.a', '.b .c'])
  })
})
