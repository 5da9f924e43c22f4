import { expect, test } from '@playwright/test';
import { admin, signIn, text } from './support.js';

test('the language switch changes the whole UI and is remembered', async ({ page }) => {
  await signIn(page, admin.username, admin.password);
  const nav = page.getByRole('navigation', { name: text['zh-CN'].nav.mainNavigation });
  await expect(nav.getByRole('link', { name: text['zh-CN'].nav.users })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('button', { name: text['zh-CN'].language.label }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(
    page.getByRole('navigation', { name: text.en.nav.mainNavigation }).getByRole('link', { name: text.en.nav.users }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: text.en.header.userMenu })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: text.en.language.label }).click();
  await page.getByRole('menuitem', { name: '繁體中文' }).click();
  const twNav = page.getByRole('navigation', { name: text['zh-TW'].nav.mainNavigation });
  await expect(twNav.getByRole('link', { name: text['zh-TW'].nav.users })).toBeVisible();
  await expect(twNav.getByRole('link', { name: text['zh-TW'].nav.settings })).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  await expect(twNav.getByRole('link', { name: text['zh-TW'].nav.home, exact: true })).toBeVisible();
});

test('the login page has its own language switch', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: text['zh-CN'].login.submit })).toBeVisible();
  await page.getByRole('button', { name: text['zh-CN'].language.label }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: text.en.login.submit })).toBeVisible();
  await expect(page.getByText(text.en.app.tagline)).toBeVisible();
});
