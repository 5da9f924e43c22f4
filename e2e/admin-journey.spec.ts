import { expect, test } from '@playwright/test';
import { admin, pickTreeOption, signIn, signOut, text, uniqueSuffix } from './support.js';

const t = text['zh-CN'];

test('an admin sets up units and a unit clerk, who then sees only their own pages', async ({ page }) => {
  const s = uniqueSuffix();
  const city = `测试市人民政府${s}`;
  const office = `市政府办公室${s}`;
  const commission = `市发展和改革委员会${s}`;
  const clerk = { username: `clerk${s}`, displayName: `王小明${s}`, password: 'clerk-pass-123' };
  const tree = page.getByRole('tree');
  const dialog = page.getByRole('dialog');

  await test.step('sign in as admin', async () => {
    await signIn(page, admin.username, admin.password);
    await expect(page.getByRole('link', { name: t.nav.units })).toBeVisible();
  });

  await test.step('create a top-level unit and a child', async () => {
    await page.getByRole('link', { name: t.nav.units }).click();
    await expect(page.getByRole('heading', { name: t.units.title })).toBeVisible();
    await page.getByRole('button', { name: t.units.addTopLevel }).click();
    await dialog.getByLabel(t.units.form.name).fill(city);
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(page.getByText(t.units.created.replace('{{name}}', city))).toBeVisible();
    await expect(page.getByRole('heading', { name: city })).toBeVisible();

    await page.getByRole('button', { name: t.units.addChild }).click();
    await expect(dialog).toContainText(city);
    await dialog.getByLabel(t.units.form.name).fill(office);
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(tree.getByRole('treeitem', { name: office })).toBeVisible();
    await expect(page.getByText(`${city} / ${office}`)).toBeVisible();
  });

  await test.step('move the child under another unit with "move to…"', async () => {
    await page.getByRole('button', { name: t.units.addTopLevel }).click();
    await dialog.getByLabel(t.units.form.name).fill(commission);
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(page.getByRole('heading', { name: commission })).toBeVisible();

    await tree.getByRole('treeitem', { name: office }).click();
    await expect(page.getByRole('heading', { name: office })).toBeVisible();
    await page.getByRole('button', { name: t.units.moveTo }).click();
    await dialog.getByLabel(t.units.move.target).click();
    await dialog.getByLabel(t.units.move.target).fill(commission);
    await pickTreeOption(page, commission);
    await dialog.getByRole('button', { name: t.common.confirm }).click();
    await expect(page.getByText(t.units.moved.replace('{{name}}', office))).toBeVisible();
    await expect(page.getByText(`${commission} / ${office}`)).toBeVisible();
  });

  await test.step('create a unit staff user in that unit', async () => {
    await page.getByRole('link', { name: t.nav.users }).click();
    await page.getByRole('button', { name: t.users.create }).click();
    await dialog.getByLabel(t.users.form.username).fill(clerk.username);
    await dialog.getByLabel(t.users.form.displayName).fill(clerk.displayName);
    await dialog.getByLabel(t.users.form.password).fill(clerk.password);
    await dialog.getByLabel(t.users.form.unit).click();
    await dialog.getByLabel(t.users.form.unit).fill(office);
    await pickTreeOption(page, office);
    await dialog.getByLabel(t.users.form.roles).click();
    await page.locator('.ant-select-item-option', { hasText: t.roles.unit_staff }).click();
    await dialog.locator('label', { hasText: t.users.form.displayName }).click(); // closes the role list
    await dialog.getByRole('button', { name: t.common.create }).click();
    await expect(page.getByText(t.users.createdMessage.replace('{{name}}', clerk.displayName))).toBeVisible();
    const row = page.getByRole('row', { name: clerk.username });
    await expect(row).toContainText(office);
    await expect(row).toContainText(t.roles.unit_staff);
  });

  await test.step('a duplicate username is reported on the username field', async () => {
    await page.getByRole('button', { name: t.users.create }).click();
    await dialog.getByLabel(t.users.form.username).fill(clerk.username);
    await dialog.getByLabel(t.users.form.displayName).fill('重复的人');
    await dialog.getByLabel(t.users.form.password).fill('another-pass-123');
    await dialog.getByRole('button', { name: t.common.create }).click();
    const usernameItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel(t.users.form.username) });
    await expect(usernameItem.locator('.ant-form-item-explain-error')).toBeVisible();
    await dialog.getByRole('button', { name: t.common.cancel }).click();
  });

  await test.step('sign out, sign in as the clerk', async () => {
    await signOut(page);
    await signIn(page, clerk.username, clerk.password);
    await expect(
      page.getByRole('heading', { name: t.home.greeting.replace('{{name}}', clerk.displayName) }),
    ).toBeVisible();
    await expect(page.getByRole('main')).toContainText(office);
    await expect(page.getByRole('main')).toContainText(t.roles.unit_staff);
  });

  await test.step('the clerk sees Home and Settings but no admin navigation', async () => {
    const nav = page.getByRole('navigation', { name: t.nav.mainNavigation });
    await expect(nav.getByRole('link', { name: t.nav.home, exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: t.nav.settings })).toBeVisible();
    await expect(nav.getByRole('link', { name: t.nav.units })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: t.nav.users })).toHaveCount(0);
    await nav.getByRole('link', { name: t.nav.settings }).click();
    await expect(page.getByRole('heading', { name: t.settings.title })).toBeVisible();
  });

  await test.step('typing an admin address shows the no-permission page', async () => {
    await page.goto('/admin/users');
    await expect(page.getByText(t.result.forbiddenTitle)).toBeVisible();
    await expect(page.getByRole('button', { name: t.users.create })).toHaveCount(0);
  });

  await test.step('sign out; a wrong password is refused with the server’s message', async () => {
    await signOut(page);
    await page.getByLabel(t.login.username).fill(clerk.username);
    await page.getByLabel(t.login.password).fill('not-the-password');
    await page.getByRole('button', { name: t.login.submit }).click();
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).not.toBeEmpty();
    await expect(page).toHaveURL(/\/login$/);
  });
});
