import fs from 'node:fs'
import { defineConfig } from '@playwright/test'

// The Electron harness (test/electron): the built main and preload against the typed double, with
// Debian's Chromium as the window. `npm run test:electron` builds first.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p))

export default defineConfig({
  testDir: 'test/electron',
  testMatch: '*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        // Every request is answered by the harness; should one slip past it, no name resolves.
        '--host-resolver-rules=MAP * ~NOTFOUND',
      ],
    },
  },
})
