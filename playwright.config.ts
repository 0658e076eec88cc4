import { defineConfig } from '@playwright/test';
import type { Transport } from './tests/e2e/harness';

/**
 * End-to-end: the same specs run against the renderer in Debian's Chromium
 * through the web host, and through Playwright's Electron launcher when an
 * Electron binary is installed (they skip with a reason when it is not).
 */
export default defineConfig<{ transport: Transport }>({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'web-host', use: { transport: 'web-host' } },
    { name: 'electron', use: { transport: 'electron' } },
  ],
});
