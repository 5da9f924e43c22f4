import { expect, type Page, test } from '@playwright/test';
import { admin, adminApi, signIn, text, uniqueSuffix, useLocale } from './support.js';

const t = text['zh-CN'];

/** Lets drawers and messages finish moving so pictures show the settled page. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page is wider than the screen').toBeLessThanOrEqual(0);
}

test('an admin finds the change they just made in the audit trail and verifies the chain', async ({
  page,
  request,
}) => {
  const api = await adminApi(request);
  const unit = await api.createUnit({ name: `市审计样本局${uniqueSuffix()}` });
  await signIn(page, admin.username, admin.password);

  await test.step('give the unit a short name in the units screen', async () => {
    await page.goto('/admin/units');
    await page.getByRole('tree').getByRole('treeitem', { name: unit.name }).click();
    await page.getByRole('button', { name: t.common.edit }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.units.form.shortName).fill('审计样本');
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('open the audit trail from the menu and find the change', async () => {
    await page.getByRole('navigation', { name: t.nav.mainNavigation }).getByRole('link', { name: t.nav.audit }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole('heading', { name: t.audit.title })).toBeVisible();
    await page.getByRole('combobox', { name: t.audit.filters.objectType }).fill('unit');
    await page.getByRole('textbox', { name: t.audit.filters.objectId }).fill(String(unit.id));
    const rows = page.getByRole('row').filter({ hasText: `#${unit.id}` });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText(t.audit.actions.unit.update);
    await expect(rows.first()).toContainText('系统管理员');
    await expect(rows.last()).toContainText(t.audit.actions.unit.create);
  });

  await test.step('see what changed in the entry’s details', async () => {
    const rows = page.getByRole('row').filter({ hasText: `#${unit.id}` });
    await rows.first().getByRole('button', { name: t.audit.details }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer).toContainText(t.audit.fields.detail);
    await expect(drawer).toContainText('审计样本');
    await expect(drawer.getByText(/^[0-9a-f]{64}$/).first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  await test.step('verify the chain', async () => {
    await page.getByRole('button', { name: t.audit.verify }).click();
    const result = page.getByRole('alert').filter({ hasText: t.audit.verifyOkTitle });
    await expect(result).toBeVisible();
    await expect(result).toContainText(/[0-9a-f]{64}/);
  });
});

test('the audit trail is in the menu for an auditor but not for a unit clerk', async ({ page, request }) => {
  const s = uniqueSuffix();
  const api = await adminApi(request);
  await api.createUser({
    username: `auditor${s}`,
    displayName: `审计员${s}`,
    password: 'audit-pass-123',
    roles: ['auditor'],
  });
  await api.createUser({
    username: `clerk${s}`,
    displayName: `经办人${s}`,
    password: 'clerk-pass-123',
    roles: ['unit_staff'],
  });
  const nav = page.getByRole('navigation', { name: t.nav.mainNavigation });

  await signIn(page, `auditor${s}`, 'audit-pass-123');
  await nav.getByRole('link', { name: t.nav.audit }).click();
  await expect(page.getByRole('row').filter({ hasText: t.audit.actions.auth.login }).first()).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, `clerk${s}`, 'clerk-pass-123');
  await expect(nav.getByRole('link', { name: t.nav.audit })).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByText(t.result.forbiddenTitle)).toBeVisible();
});

for (const locale of ['zh-CN', 'en'] as const) {
  for (const viewport of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 375, height: 812 },
  ] as const) {
    test.describe(`audit screenshots ${locale} ${viewport.name}`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height }, locale });

      test(`pictures of the audit trail (${locale}, ${viewport.width}px)`, async ({ page }) => {
        const words = text[locale];
        const prefix = `test-results/screenshots/${locale}-${viewport.width}-audit`;
        await useLocale(page, locale);
        await signIn(page, admin.username, admin.password, locale);
        await page.goto('/audit');
        await expect(page.getByRole('heading', { name: words.audit.title })).toBeVisible();
        await page.getByRole('button', { name: words.audit.verify }).click();
        await expect(page.getByText(words.audit.verifyOkTitle)).toBeVisible();
        await settle(page);
        await expectNoSidewaysScroll(page);
        await page.screenshot({ path: `${prefix}.png`, fullPage: true });

        const open =
          viewport.name === 'phone'
            ? page.getByRole('button', { name: new RegExp(`^${words.audit.details} #`) }).first()
            : page.getByRole('button', { name: words.audit.details, exact: true }).first();
        await open.click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await settle(page);
        await page.screenshot({ path: `${prefix}-entry.png` });
      });
    });
  }
}
