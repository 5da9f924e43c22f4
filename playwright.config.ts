import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL, E2E_EXTERNAL_URL } from './e2e/e2e-env.mjs';

/**
 * Browser tests against the built server (run `npm run build` first). Debian's Chromium is used
 * as installed; Playwright's own browser downloads are never needed.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
  webServer: E2E_EXTERNAL_URL
    ? undefined
    : {
        command: 'node e2e/start-server.mjs',
        url: `${E2E_BASE_URL}/api/v1/health`,
        reuseExistingServer: false,
        // Lets e2e/start-server.mjs stop the server and delete its temporary data directory.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
        timeout: 60_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
