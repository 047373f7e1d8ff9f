/**
 * The harness's own test: a copy of the build with one thing in main or the preload broken on
 * purpose must fail the check that covers it. A check that passes on a broken build proves nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { cspOnEveryResponse, foreignPageRefused, menuExportVerified, signsInThroughIpc } from './checks'
import { ElectronHarness, REPO } from './harness'

interface Edit {
  file: 'main/index.js' | 'preload/index.js'
  find: RegExp
  replace: string
}

const MUTANTS_DIR = path.join(REPO, 'test-results', 'electron-mutants')

/**
 * A copy of out/ with the edits applied. It sits inside the repository so the copy resolves
 * node_modules and migrations/ as the real build does; each edit must match exactly once.
 */
function mutant(name: string, edits: Edit[]): string {
  const out = path.join(MUTANTS_DIR, name, 'out')
  fs.rmSync(path.dirname(out), { recursive: true, force: true })
  fs.cpSync(path.join(REPO, 'out'), out, { recursive: true })
  for (const edit of edits) {
    const file = path.join(out, edit.file)
    const source = fs.readFileSync(file, 'utf8')
    const matches = source.match(new RegExp(edit.find.source, `${edit.find.flags.replace('g', '')}g`)) ?? []
    expect(matches.length, `${name}: ${edit.find} in ${edit.file}`).toBe(1)
    fs.writeFileSync(file, source.replace(edit.find, edit.replace))
  }
  return out
}

const MUTANTS: { name: string; edits: Edit[]; check: (h: ElectronHarness) => Promise<void> }[] = [
  {
    name: 'no app:// protocol handler',
    edits: [{ file: 'main/index.js', find: /electron\.protocol\.handle\(/, replace: '((..._args) => {})(' }],
    check: signsInThroughIpc,
  },
  {
    name: 'app:// handler without the CSP header',
    edits: [{ file: 'main/index.js', find: /headers\.set\("Content-Security-Policy",[^)]*\);/, replace: '' }],
    check: cspOnEveryResponse,
  },
  {
    name: 'preload exposes no bridge',
    edits: [
      {
        file: 'preload/index.js',
        find: /exposeInMainWorld\("rapidcare"/,
        replace: 'exposeInMainWorld("rapidcareOff"',
      },
    ],
    check: signsInThroughIpc,
  },
  {
    name: 'preload invokes the wrong channels',
    edits: [
      { file: 'preload/index.js', find: /invoke\(`rc:\$\{channel\}`/, replace: 'invoke(`rc.${channel}`' },
    ],
    check: signsInThroughIpc,
  },
  {
    name: 'IPC without the sender check',
    edits: [
      {
        file: 'main/index.js',
        find: /if \(!isAppUrl\(event\.senderFrame\?\.url \?\? "", devServerUrl\)\) return/,
        replace: 'if (false) return',
      },
    ],
    check: foreignPageRefused,
  },
  {
    name: 'File → Export Backup does nothing',
    edits: [
      {
        file: 'main/index.js',
        find: /exportBackup: \(\) => void \(desk && exportFromMenu\(backupMenuDeps\(desk\)\)\)/,
        replace: 'exportBackup: () => void 0',
      },
    ],
    check: menuExportVerified,
  },
]

test.describe('the harness fails a broken build', () => {
  test.afterAll(() => fs.rmSync(MUTANTS_DIR, { recursive: true, force: true }))

  for (const m of MUTANTS) {
    test(m.name, async ({ browser }) => {
      const outDir = mutant(m.name.replace(/[^a-z0-9]+/gi, '-'), m.edits)
      const h = await ElectronHarness.launch({ browser, outDir })
      try {
        // Each check fails within its own waits; the broken build must not pass it.
        let passed = false
        await m
          .check(h)
          .then(() => (passed = true))
          .catch(() => {})
        expect(passed, `${m.name}: the check passed on a broken build`).toBe(false)
      } finally {
        await h.dispose()
      }
    })
  }
})
