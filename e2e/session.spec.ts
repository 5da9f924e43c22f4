import { expect, test } from '@playwright/test';
import { admin, signIn, text } from './support.js';

const t = text['zh-CN'];

test('a person whose session ended is asked to sign in and returns to where they were', async ({ page, context }) => {
  await signIn(page, admin.username, admin.password);
  await page.getByRole('link', { name: t.nav.units }).click();
  await expect(page.getByRole('heading', { name: t.units.title })).toBeVisible();

  // The session ends behind the page's back (expired, or the password was reset elsewhere).
  await context.clearCookies();
  await page.getByRole('link', { name: t.nav.users }).click();

  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers&expired=1$/);
  await expect(page.getByText(t.login.sessionExpired)).toBeVisible();
  await page.getByLabel(t.login.username).fill(admin.username);
  await page.getByLabel(t.login.password).fill(admin.password);
  await page.getByRole('button', { name: t.login.submit }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: t.users.title })).toBeVisible();
});

test('an unknown address shows the not-found page inside the app', async ({ page }) => {
  await signIn(page, admin.username, admin.password);
  await page.goto('/no/such/page');
  await expect(page.getByText(t.result.notFoundTitle)).toBeVisible();
  await page.getByRole('button', { name: t.common.backHome }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a visitor who is not signed in is sent to sign in first', async ({ page }) => {
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings$/);
  await expect(page.getByText(t.login.sessionExpired)).toHaveCount(0);
});
