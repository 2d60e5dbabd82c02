import { defineConfig } from '@playwright/test';

/**
 * e2e in Debian's Chromium (never a downloaded browser). Each test starts its own browser-mode
 * server on a fresh data directory (tests/e2e/fixtures.ts).
 */
export const config = defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  // One temp root per run, removed at the end (tests/helpers/temp-root.ts).
  globalSetup: './tests/setup/playwright-temp-root.ts',
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]]
    : 'list',
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});

// Playwright loads the config's default export.
export default config;
