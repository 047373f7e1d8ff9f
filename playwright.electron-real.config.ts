import { defineConfig } from '@playwright/test'

// The desk in the real Electron (`npm run test:electron:real`), where its runtime is installed.
export default defineConfig({
  testDir: 'test/electron-real',
  testMatch: '*.spec.ts',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron-real',
})
