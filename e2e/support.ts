import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import type { Unit, User } from '../src/web/api/types.js';
import { en } from '../src/web/i18n/en.js';
import { zhCN } from '../src/web/i18n/zh-CN.js';
import { zhTW } from '../src/web/i18n/zh-TW.js';
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USERNAME, E2E_BASE_URL } from './e2e-env.mjs';

/** The UI's own words, so specs follow copy changes instead of breaking on them. */
export const text = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export const admin = { username: E2E_ADMIN_USERNAME, password: E2E_ADMIN_PASSWORD };

/** A suffix that keeps names unique across specs sharing one server. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** Starts the page in a given UI language (as if chosen earlier in this browser). */
export async function useLocale(page: Page, locale: keyof typeof text): Promise<void> {
  await page.addInitScript((value) => window.localStorage.setItem('luoshi.locale', value), locale);
}

/** Signs in through the login form (in zh-CN unless told otherwise) and waits for Home (the cockpit for leaders and supervisors). */
export async function signIn(page: Page, username: string, password: string, locale: keyof typeof text = 'zh-CN') {
  const t = text[locale];
  await page.goto('/login');
  await page.getByLabel(t.login.username).fill(username);
  await page.getByLabel(t.login.password).fill(password);
  await page.getByRole('button', { name: t.login.submit }).click();
  await expect(page).toHaveURL(/\/(cockpit)?$/);
}

/** Signs out through the account menu in the header. */
export async function signOut(page: Page, locale: keyof typeof text = 'zh-CN') {
  const t = text[locale];
  // On a loaded machine a click can land while the menu is still opening; open it and try again.
  await expect(async () => {
    const item = page.getByRole('menuitem', { name: t.header.signOut });
    if (!(await item.isVisible())) await page.getByRole('button', { name: t.header.userMenu }).click();
    await item.click({ timeout: 5_000 });
    await expect(page).toHaveURL(/\/login$/, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

/** Picks an option in an antd TreeSelect that is open, by its title. */
export async function pickTreeOption(page: Page, title: string) {
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: title }).first().click();
}

/** "{{name}}"-style placeholders filled in, to find the UI's own sentences. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => String(values[key]));
}

/** Types a date into an antd DatePicker, as people with a keyboard do. */
export async function typeDate(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Clicks an action in the open tab and its confirmation in the dialog that follows. */
export async function confirmAction(page: Page, label: string) {
  await page.getByRole('tabpanel').getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: label, exact: true }).click();
}

/** A status tag (plan, closure…) shown in the open tab. */
export function statusTag(page: Page, status: string) {
  return page.getByRole('tabpanel').getByText(status, { exact: true }).first();
}

/** Same-origin headers so the API's CSRF check accepts calls made outside the page. */
export const apiHeaders = { Origin: E2E_BASE_URL, 'Accept-Language': 'zh-CN' };

/** An API client signed in as the admin, for seeding data that a spec is not about. */
export async function adminApi(request: APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', { data: admin, headers: apiHeaders });
  expect(login.ok()).toBe(true);
  return {
    async createUnit(body: { name: string; shortName?: string; parentId?: number | null; aliases?: string[] }) {
      const response = await request.post('/api/v1/units', { data: body, headers: apiHeaders });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as Unit;
    },
    async createUser(body: Record<string, unknown>) {
      const response = await request.post('/api/v1/users', { data: body, headers: apiHeaders });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as User;
    },
    async listUnits() {
      const response = await request.get('/api/v1/units', { headers: apiHeaders });
      return ((await response.json()) as { items: Unit[] }).items;
    },
  };
}
