import { expect, type Page, test } from '@playwright/test';
import { admin, adminApi, signIn, text, useLocale } from './support.js';

// Pictures of every page at desktop and phone width in zh-CN and en, for people to look at
// (test-results/screenshots, not committed); each also asserts the page never scrolls sideways.

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;
const locales = ['zh-CN', 'en'] as const;

/** A small, believable organisation so the pages show real structure rather than emptiness. */
test.beforeAll(async ({ request }) => {
  const api = await adminApi(request);
  if ((await api.listUnits()).some((unit) => unit.name === '市人民政府')) return;
  const city = await api.createUnit({ name: '市人民政府' });
  const office = await api.createUnit({ name: '市人民政府办公室', shortName: '市府办', parentId: city.id });
  const drc = await api.createUnit({
    name: '市发展和改革委员会',
    shortName: '市发改委',
    aliases: ['发改委', '市计委'],
    parentId: city.id,
  });
  const finance = await api.createUnit({ name: '市财政局', parentId: city.id });
  const education = await api.createUnit({ name: '市教育局', parentId: city.id });
  await api.createUnit({ name: '基础教育科', parentId: education.id });
  await api.createUnit({ name: '市住房和城乡建设局', shortName: '市住建局', parentId: city.id });
  await api.createUnit({ name: '高新技术产业开发区管理委员会', shortName: '高新区管委会' });
  const people = [
    {
      username: 'zhangwei',
      displayName: '张伟',
      unitId: city.id,
      roles: ['leader'],
      unitsInChargeIds: [drc.id, finance.id],
    },
    { username: 'lina', displayName: '李娜', unitId: office.id, roles: ['supervisor'], email: 'lina@example.gov.cn' },
    { username: 'wangfang', displayName: '王芳', unitId: drc.id, roles: ['unit_head'] },
    { username: 'liuyang', displayName: '刘洋', unitId: drc.id, roles: ['unit_staff'], phone: '0571-8765 4321' },
    { username: 'chenjing', displayName: '陈静', unitId: office.id, roles: ['auditor', 'supervisor'] },
  ];
  for (const person of people) await api.createUser({ ...person, password: 'demo-pass-123' });
});

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page is wider than the screen').toBeLessThanOrEqual(0);
}

/** Lets drawers, messages and tree motions finish so pictures show the settled page. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // Spinners loop forever; wait only for animations that end.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

async function shoot(page: Page, file: string) {
  await settle(page);
  await expectNoSidewaysScroll(page);
  // Sticky headers are drawn where the page is scrolled to; start every picture from the top.
  // Repeated, because a smooth scroll still under way (the units page scrolls to details on phones)
  // can carry the page away again.
  await page.waitForFunction(() => {
    window.scrollTo({ top: 0, behavior: 'instant' });
    return window.scrollY === 0;
  });
  await page.screenshot({ path: `test-results/screenshots/${file}.png`, fullPage: true });
}

for (const locale of locales) {
  for (const viewport of viewports) {
    test.describe(`${locale} ${viewport.name}`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height }, locale });

      test(`screenshots of every page (${locale}, ${viewport.width}px)`, async ({ page }) => {
        const t = text[locale];
        const prefix = `${locale}-${viewport.width}`;
        await useLocale(page, locale);

        await page.goto('/login');
        await expect(page.getByRole('button', { name: t.login.submit })).toBeVisible();
        await shoot(page, `${prefix}-login`);

        await signIn(page, admin.username, admin.password, locale);
        await expect(page.getByRole('heading', { level: 3 })).toBeVisible();
        await shoot(page, `${prefix}-home`);

        await page.goto('/admin/units');
        await page.getByRole('tree').getByText('市发展和改革委员会', { exact: true }).click();
        await expect(page.getByRole('heading', { name: '市发展和改革委员会' })).toBeVisible();
        await shoot(page, `${prefix}-units`);

        await page.goto('/admin/users');
        // The first page lists the earliest accounts; on a server shared by every spec this
        // spec's people come later, so wait for the first administrator instead (a table cell on a
        // desktop, "admin · unit" on a phone's card).
        await expect(page.getByText(new RegExp(`^${admin.username}( · .+)?$`)).first()).toBeVisible();
        await shoot(page, `${prefix}-users`);

        await page.getByRole('button', { name: t.users.create }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await settle(page);
        await page.screenshot({ path: `test-results/screenshots/${prefix}-user-form.png` });
        await page.getByRole('dialog').getByRole('button', { name: t.common.cancel }).click();

        await page.goto('/settings');
        await expect(page.getByRole('heading', { name: t.settings.title })).toBeVisible();
        await shoot(page, `${prefix}-settings`);

        if (viewport.name === 'phone') {
          await page.getByRole('button', { name: t.nav.openMenu }).click();
          await expect(page.getByRole('navigation', { name: t.nav.mainNavigation })).toBeVisible();
          await settle(page);
          await page.screenshot({ path: `test-results/screenshots/${prefix}-menu.png` });
        }

        await page.goto('/no/such/page');
        await expect(page.getByText(t.result.notFoundTitle)).toBeVisible();
        await shoot(page, `${prefix}-not-found`);
      });
    });
  }
}

for (const viewport of viewports) {
  test.describe(`states ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test(`screenshots of error, empty and permission states (${viewport.width}px)`, async ({ page }) => {
      const t = text['zh-CN'];
      const prefix = `states-${viewport.width}`;
      const dialog = page.getByRole('dialog');

      await page.goto('/login');
      await page.getByLabel(t.login.username).fill('wangfang');
      await page.getByLabel(t.login.password).fill('wrong-password');
      await page.getByRole('button', { name: t.login.submit }).click();
      await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
      await shoot(page, `${prefix}-login-error`);

      await signIn(page, 'liuyang', 'demo-pass-123');
      await shoot(page, `${prefix}-home-unit-staff`);
      await page.goto('/admin/units');
      await expect(page.getByText(t.result.forbiddenTitle)).toBeVisible();
      await shoot(page, `${prefix}-forbidden`);
      await page.getByRole('button', { name: t.header.userMenu }).click();
      await page.getByRole('menuitem', { name: t.header.signOut }).click();

      await signIn(page, admin.username, admin.password);
      await page.goto('/admin/units');
      await page.getByRole('textbox', { name: t.units.searchPlaceholder }).fill('不存在的单位');
      await expect(page.getByText(t.units.selectHint)).toBeVisible();
      await shoot(page, `${prefix}-units-no-match`);
      await page.getByRole('textbox', { name: t.units.searchPlaceholder }).fill('发改');
      await page.getByRole('tree').getByText('市发展和改革委员会', { exact: true }).click();
      await page.getByRole('button', { name: t.units.moveTo }).click();
      await settle(page); // the picker measures its width when it opens; let the dialog finish zooming in
      await dialog.getByLabel(t.units.move.target).click();
      await settle(page);
      await page.screenshot({ path: `test-results/screenshots/${prefix}-move-modal.png` });
      await page.keyboard.press('Escape');
      await dialog.getByRole('button', { name: t.common.cancel }).click();

      await page.goto('/admin/users');
      await page.getByRole('textbox', { name: t.users.searchPlaceholder }).fill('没有这个人');
      await expect(page.getByText(t.users.emptyFiltered)).toBeVisible();
      await shoot(page, `${prefix}-users-no-match`);
      await page.getByRole('button', { name: t.users.create }).click();
      await dialog.getByLabel(t.users.form.username).fill('zhangwei');
      await dialog.getByLabel(t.users.form.displayName).fill('张伟');
      await dialog.getByLabel(t.users.form.password).fill('short');
      await dialog.getByRole('button', { name: t.common.create }).click();
      await dialog.getByLabel(t.users.form.password).fill('long-enough-123');
      await dialog.getByRole('button', { name: t.common.create }).click();
      const usernameItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel(t.users.form.username) });
      await expect(usernameItem.locator('.ant-form-item-explain-error')).toBeVisible();
      await settle(page);
      await page.screenshot({ path: `test-results/screenshots/${prefix}-user-duplicate.png` });
    });
  });
}
