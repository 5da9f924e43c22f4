import { expect, test } from '@playwright/test';
import {
  buildWorld,
  clientsOf,
  reportingTask,
  samplePng,
  serverDataDirOrSkip,
  slotOf,
  writeReport,
} from './reporting-seed.js';
import { signIn, text, uniqueSuffix } from './support.js';

// The installable app: the manifest is linked and served as a manifest, its icons load at their
// declared sizes, the service worker takes the page, navigations still go to the network (never
// from a cache), /api/ is left alone, and a navigation without a connection gets the offline page.
// On a phone, a unit's evidence picker offers the back camera.

const t = text['zh-CN'];

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  lang: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the manifest is linked, served as a manifest and its icons load', async ({ page, request }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const themeColor = await page.locator('meta[name="theme-color"]').getAttribute('content');

  const response = await request.get(href as string);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({
    name: '落实 Luoshi',
    short_name: '落实',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    lang: 'zh-CN',
    theme_color: themeColor,
  });
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

  const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    expect(pngSize(await image.body()), icon.src).toBe(icon.sizes);
  }

  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const touch = await request.get(touchIcon as string);
  expect(touch.status()).toBe(200);
  expect(pngSize(await touch.body())).toBe('180x180');
});

test('the service worker controls the page, passes requests on and answers offline', async ({ page, context }) => {
  await page.goto('/login');
  const scriptUrl = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptUrl).toMatch(/\/sw\.js$/);

  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

  // Chromium's own verdict on the manifest, icons and worker, as the install prompt uses it.
  // Playwright's contexts are incognito ones, where nothing installs: that one answer is expected.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  await cdp.detach();

  // Online, a navigation goes through the worker to the network: the live page, not a copy.
  const live = await page.goto('/login');
  expect(live?.fromServiceWorker()).toBe(true);
  expect(live?.status()).toBe(200);
  await expect(page.locator('#root')).not.toBeEmpty();

  // API calls are never the worker's: not a fetch from the page, not a navigation.
  const api = await page.goto('/api/v1/health');
  expect(api?.status()).toBe(200);
  expect(api?.fromServiceWorker()).toBe(false);
  await page.goto('/login');
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/health'));
  await page.evaluate(() => fetch('/api/v1/health', { cache: 'no-store' }));
  const fromPage = await answered;
  expect(fromPage.status()).toBe(200);
  expect(fromPage.fromServiceWorker()).toBe(false);

  // Offline: a page of the app gets the offline page, in Chinese and English; /api/ gets nothing.
  await context.setOffline(true);
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { name: '没有网络连接' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No connection' })).toBeVisible();
  await expect(page.getByRole('button', { name: /重试/ })).toBeVisible();
  await expect(page.goto('/api/v1/health')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|net::/);

  // Back online, the same address is the app again.
  await context.setOffline(false);
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: '没有网络连接' })).toHaveCount(0);
  await expect(page.locator('#root')).not.toBeEmpty();
});

test('on a phone, report evidence can be a photo taken with the camera', async ({ page, request, playwright }) => {
  const dataDir = serverDataDirOrSkip();
  if (!dataDir) return;
  const world = await buildWorld(request, uniqueSuffix(), 'Camera-pass-2026');
  const clients = await clientsOf(playwright, world);
  const title = `现场照片佐证任务${world.suffix}`;
  const { task, periods } = await reportingTask(clients, world, title, dataDir, 70);
  const report = await writeReport(clients.leadStaff, task.id, slotOf(periods, 1, world.leadUnit.id), {
    doneText: '完成现场踏勘。',
  });

  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, world.people.leadStaff, world.password);
  await page.goto(`/reports/${report.id}/edit`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  // The ordinary upload also offers pictures (phones then list the camera and the library too).
  const upload = page.locator('.report-form input[type="file"]');
  await expect(upload).toHaveCount(1);
  expect(await upload.getAttribute('accept')).toContain('image/*');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: t.closure.evidence.camera }).click();
  const fileChooser = await chooser;
  expect(await fileChooser.element().getAttribute('capture')).toBe('environment');
  expect(await fileChooser.element().getAttribute('accept')).toBe('image/*');
  await fileChooser.setFiles({ name: 'IMG_20261127_0930.png', mimeType: 'image/png', buffer: samplePng() });
  await expect(page.getByRole('list').getByText('IMG_20261127_0930.png')).toBeVisible();

  // On a desk the camera button is not offered.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('button', { name: t.closure.evidence.camera })).toHaveCount(0);
  await expect(page.getByRole('button', { name: t.closure.evidence.upload })).toBeVisible();
});
