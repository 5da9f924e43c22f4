import { expect, test } from '@playwright/test';
import { adminApi, signIn, signOut, text, uniqueSuffix } from './support.js';

const t = text['zh-CN'];

test('a person changes their password and manages API tokens', async ({ page, request }) => {
  const s = uniqueSuffix();
  const person = { username: `tokens${s}`, displayName: `李娜${s}`, password: 'first-pass-123' };
  const api = await adminApi(request);
  await api.createUser({ ...person, roles: ['supervisor'] });
  const dialog = page.getByRole('dialog');

  await signIn(page, person.username, person.password);
  await page.getByRole('link', { name: t.nav.settings }).click();
  await expect(page.getByRole('heading', { name: t.settings.title })).toBeVisible();

  await test.step('a wrong current password is reported on that field', async () => {
    await page.getByLabel(t.settings.password.current).fill('not-my-password');
    await page.getByLabel(t.settings.password.new, { exact: true }).fill('second-pass-123');
    await page.getByLabel(t.settings.password.confirm).fill('second-pass-123');
    await page.getByRole('button', { name: t.settings.password.submit }).click();
    const currentItem = page.locator('.ant-form-item').filter({ has: page.getByLabel(t.settings.password.current) });
    await expect(currentItem.locator('.ant-form-item-explain-error')).toBeVisible();
  });

  await test.step('the password changes with the right current password', async () => {
    await page.getByLabel(t.settings.password.current).fill(person.password);
    await page.getByRole('button', { name: t.settings.password.submit }).click();
    await expect(page.getByText(t.settings.password.success)).toBeVisible();
  });

  await test.step('a new token is shown once, then listed by prefix', async () => {
    await expect(page.getByText(t.settings.tokens.emptyDescription)).toBeVisible();
    await page.getByRole('button', { name: t.settings.tokens.create }).click();
    await dialog.getByLabel(t.settings.tokens.name).fill('周报导出脚本');
    await dialog.getByLabel(t.settings.tokens.expiresInDays).fill('30');
    await dialog.getByRole('button', { name: t.common.create }).click();
    await expect(dialog.getByText(t.settings.tokens.createdWarning)).toBeVisible();
    const secret = ((await dialog.getByTestId('new-token').textContent()) ?? '').trim();
    expect(secret.length).toBeGreaterThan(16);
    await dialog.getByRole('button', { name: t.common.done }).click();
    const row = page.getByRole('row', { name: /周报导出脚本/ });
    await expect(row).toContainText(t.settings.tokens.statusActive);
    await expect(page.getByText(secret)).toHaveCount(0);
  });

  await test.step('the token is revoked after confirming', async () => {
    const row = page.getByRole('row', { name: /周报导出脚本/ });
    await row.getByRole('button', { name: t.settings.tokens.revoke }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: t.settings.tokens.revoke }).click();
    await expect(row).toContainText(t.settings.tokens.statusRevoked);
  });

  await test.step('the new password works', async () => {
    await signOut(page);
    await signIn(page, person.username, 'second-pass-123');
  });
});
