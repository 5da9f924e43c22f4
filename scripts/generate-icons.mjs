// Draws the app icons in src/web/public/ from the red 落 seal (the mark of components/brand.tsx
// and favicon.svg): `node scripts/generate-icons.mjs`. The glyph needs a real font rasteriser, so
// the SVG is rendered by the Chromium the browser tests already use (Noto Sans CJK installed),
// through Playwright, which is a dev dependency anyway. Re-run it when the mark changes.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';

const OUT = path.resolve(import.meta.dirname, '../src/web/public');
const RED = '#b3261e'; // BRAND_RED in src/web/theme.ts
const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * `any` icons: the rounded seal on a transparent ground, as in the header. `maskable`: the red
 * fills the whole square (the launcher cuts its own shape) and the glyph stays inside the middle
 * 80 % circle that every mask keeps. The Apple touch icon is opaque, since iOS fills transparency
 * with black, and iOS rounds the corners itself.
 */
const ICONS = [
  { file: 'icon-192.png', size: 192, kind: 'any' },
  { file: 'icon-512.png', size: 512, kind: 'any' },
  { file: 'icon-maskable-512.png', size: 512, kind: 'maskable' },
  { file: 'apple-touch-icon.png', size: 180, kind: 'opaque' },
];

function svg(kind) {
  const seal =
    kind === 'any'
      ? `<rect x="4" y="4" width="56" height="56" rx="11" fill="${RED}"/>`
      : `<rect width="64" height="64" fill="${RED}"/>`;
  const fontSize = kind === 'maskable' ? 28 : 36;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%" style="display:block">${seal}<text x="32" y="32" dy="0.35em" font-size="${fontSize}" text-anchor="middle" fill="#fff" font-family="${FONT}" font-weight="700">落</text></svg>`;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${svg(icon.kind)}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    const png = await page.screenshot({ omitBackground: icon.kind === 'any', type: 'png' });
    await writeFile(path.join(OUT, icon.file), png);
    await page.close();
    console.log(`${icon.file} ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
