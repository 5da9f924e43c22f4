// Takes the README's screenshots of the cockpit from a running server filled by `luoshi demo`:
// the mayor's cockpit at 1280 px in Chinese and at 375 px in English.
//
//   node scripts/cockpit-screenshots.mjs [http://127.0.0.1:3000]
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const shots = [
  { file: 'docs/screenshots/cockpit-zh-CN-1280.png', locale: 'zh-CN', viewport: { width: 1280, height: 900 } },
  { file: 'docs/screenshots/cockpit-en-375.png', locale: 'en', viewport: { width: 375, height: 812 } },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: shot.viewport, baseURL: base });
    await context.addInitScript((value) => window.localStorage.setItem('luoshi.locale', value), shot.locale);
    const page = await context.newPage();
    const login = await page.request.post('/api/v1/auth/login', {
      data: { username: 'mayor', password: 'luoshi-demo-2026' },
      headers: { origin: base },
    });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
    await page.goto('/cockpit');
    await page.getByTestId('chart-unit-lights').locator('svg').waitFor();
    await page.getByTestId('chart-heat').locator('svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot.file, fullPage: true });
    await context.close();
    process.stdout.write(`${shot.file}\n`);
  }
} finally {
  await browser.close();
}
