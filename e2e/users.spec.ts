import { expect, type Page, test } from '@playwright/test';
import { admin, adminApi, pickTreeOption, signIn, signOut, text, uniqueSuffix } from './support.js';

const t = text['zh-CN'];

async function openRowMenu(page: Page, username: string) {
  await page.getByRole('row', { name: username }).getByRole('button', { name: t.common.more }).click();
}

test('an admin edits, deactivates, re-activates and resets the password of a person', async ({ page, request }) => {
  const s = uniqueSuffix();
  const api = await adminApi(request);
  const unit = await api.createUnit({ name: `市审计局${s}` });
  const person = await api.createUser({
    username: `auditor${s}`,
    displayName: `周敏${s}`,
    password: 'first-pass-123',
    roles: ['unit_staff'],
  });
  const dialog = page.getByRole('dialog');
  const row = page.getByRole('row', { name: person.username });

  await signIn(page, admin.username, admin.password);
  await page.goto('/admin/users');
  await page.getByRole('textbox', { name: t.users.searchPlaceholder }).fill(person.username);
  await expect(page.getByRole('row')).toHaveCount(2); // header + the one match

  await test.step('make them a leader in charge of a unit', async () => {
    await row.getByRole('button', { name: t.common.edit }).click();
    await expect(dialog.getByLabel(t.users.form.username)).toBeDisabled();
    await expect(dialog.getByLabel(t.users.form.unitsInCharge)).toHaveCount(0);
    await dialog.getByLabel(t.users.form.roles).click();
    await page.locator('.ant-select-item-option', { hasText: t.roles.leader }).click();
    await dialog.locator('label', { hasText: t.users.form.displayName }).click();
    await dialog.getByLabel(t.users.form.unitsInCharge).click();
    await dialog.getByLabel(t.users.form.unitsInCharge).fill(unit.name);
    await pickTreeOption(page, unit.name);
    await dialog.locator('label', { hasText: t.users.form.displayName }).click();
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText(t.roles.leader);
  });

  await test.step('deactivate after confirming; they can no longer sign in', async () => {
    await openRowMenu(page, person.username);
    await page.getByRole('menuitem', { name: t.users.deactivate }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: t.users.deactivate }).click();
    await expect(row).toContainText(t.users.inactive);
    const login = await request.post('/api/v1/auth/login', {
      data: { username: person.username, password: 'first-pass-123' },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(login.ok()).toBe(false);
  });

  await test.step('activate again and reset the password', async () => {
    await openRowMenu(page, person.username);
    await page.getByRole('menuitem', { name: t.users.activate }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: t.users.activate }).click();
    await expect(row).toContainText(t.users.active);

    await openRowMenu(page, person.username);
    await page.getByRole('menuitem', { name: t.users.resetPassword }).click();
    await dialog.getByLabel(t.users.newPassword, { exact: true }).fill('reset-pass-456');
    await dialog.getByLabel(t.users.confirmPassword).fill('reset-pass-789');
    await dialog.getByRole('button', { name: t.users.resetPassword }).click();
    await expect(dialog.getByText(t.validation.passwordsMismatch)).toBeVisible();
    await dialog.getByLabel(t.users.confirmPassword).fill('reset-pass-456');
    await dialog.getByRole('button', { name: t.users.resetPassword }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('they sign in with the new password and see the unit in their charge', async () => {
    await signOut(page);
    await signIn(page, person.username, 'reset-pass-456');
    await expect(page.getByRole('main')).toContainText(t.roles.leader);
  });
});

test('an admin cannot deactivate their own account', async ({ page }) => {
  await signIn(page, admin.username, admin.password);
  await page.goto('/admin/users');
  await page.getByRole('textbox', { name: t.users.searchPlaceholder }).fill(admin.username);
  await openRowMenu(page, admin.username);
  await page.getByRole('menuitem', { name: t.users.deactivate }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: t.users.deactivate }).click();
  await expect(page.locator('.ant-message-error')).toBeVisible();
  await expect(page.getByRole('row', { name: admin.username }).first()).toContainText(t.users.active);
});
