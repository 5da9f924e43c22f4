import { expect, type Page, test } from '@playwright/test';
import { admin, adminApi, apiHeaders, signIn, text, uniqueSuffix } from './support.js';

const t = text['zh-CN'];

/**
 * Narrows the tree to this test's units (their names carry the suffix): on a server shared by every
 * spec the tree holds many top-level units, more than its window draws at once.
 */
async function narrowTree(page: Page, suffix: string) {
  await page.getByRole('textbox', { name: t.units.searchPlaceholder }).fill(suffix);
}

test('editing a unit someone else just changed reports the conflict and reloads it', async ({ page, request }) => {
  const s = uniqueSuffix();
  const api = await adminApi(request);
  const unit = await api.createUnit({ name: `市财政局${s}` });
  await signIn(page, admin.username, admin.password);
  await page.goto('/admin/units');
  await narrowTree(page, s);
  await page.getByRole('tree').getByRole('treeitem', { name: unit.name }).click();
  await page.getByRole('button', { name: t.common.edit }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(t.units.form.shortName).fill('财政局');

  // Meanwhile, someone else renames it.
  const patched = await request.patch(`/api/v1/units/${unit.id}`, {
    data: { version: unit.version, name: `${unit.name}（新）` },
    headers: apiHeaders,
  });
  expect(patched.ok()).toBe(true);

  await dialog.getByRole('button', { name: t.common.save }).click();
  await expect(dialog.getByText(t.units.conflict)).toBeVisible();
  await expect(dialog.getByLabel(t.units.form.name)).toHaveValue(`${unit.name}（新）`);
  await dialog.getByLabel(t.units.form.shortName).fill('财政局');
  await dialog.getByRole('button', { name: t.common.save }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: `${unit.name}（新）` })).toBeVisible();
});

test('moving a unit under its own sub-unit is refused with a clear message', async ({ page, request }) => {
  const s = uniqueSuffix();
  const api = await adminApi(request);
  const top = await api.createUnit({ name: `市教育局${s}` });
  const other = await api.createUnit({ name: `基础教育科${s}` });
  await signIn(page, admin.username, admin.password);
  await page.goto('/admin/units');
  await narrowTree(page, s);
  await page.getByRole('tree').getByRole('treeitem', { name: top.name }).click();

  // The page still shows both at the top level when someone else makes one the child of the other.
  const moved = await request.post(`/api/v1/units/${other.id}/move`, {
    data: { version: other.version, parentId: top.id },
    headers: apiHeaders,
  });
  expect(moved.ok()).toBe(true);

  await page.getByRole('button', { name: t.units.moveTo }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(t.units.move.target).click();
  await dialog.getByLabel(t.units.move.target).fill(other.name);
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: other.name }).first().click();
  await dialog.getByRole('button', { name: t.common.confirm }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
});

test('a unit with active sub-units cannot be archived; a leaf is archived, shown on request and restored', async ({
  page,
  request,
}) => {
  const s = uniqueSuffix();
  const api = await adminApi(request);
  const parent = await api.createUnit({ name: `市商务局${s}` });
  const child = await api.createUnit({ name: `外贸科${s}`, parentId: parent.id });
  const tree = page.getByRole('tree');
  const confirm = page.locator('.ant-modal-confirm');
  await signIn(page, admin.username, admin.password);
  await page.goto('/admin/units');
  await narrowTree(page, s);

  await tree.getByRole('treeitem', { name: parent.name }).click();
  await page.getByRole('button', { name: t.units.archive }).click();
  await confirm.getByRole('button', { name: t.units.archive }).click();
  await expect(page.locator('.ant-message-error')).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: parent.name })).toBeVisible();

  await tree.getByRole('treeitem', { name: child.name }).click();
  await page.getByRole('button', { name: t.units.archive }).click();
  await confirm.getByRole('button', { name: t.units.archive }).click();
  await expect(page.getByText(t.units.archivedMessage.replace('{{name}}', child.name))).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: child.name })).toHaveCount(0);

  await page.getByLabel(t.units.showArchived).click();
  const archived = tree.getByRole('treeitem', { name: child.name });
  await expect(archived).toContainText(t.units.archivedTag);
  await archived.click();
  await page.getByRole('button', { name: t.units.restore }).click();
  await confirm.getByRole('button', { name: t.units.restore }).click();
  await expect(page.getByText(t.units.restoredMessage.replace('{{name}}', child.name))).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: child.name })).not.toContainText(t.units.archivedTag);
});

test('dragging a unit onto another asks for confirmation, then re-parents it', async ({ page, request }) => {
  const s = uniqueSuffix();
  const api = await adminApi(request);
  const target = await api.createUnit({ name: `市生态环境局${s}` });
  const dragged = await api.createUnit({ name: `环境监测站${s}` });
  const tree = page.getByRole('tree');
  await signIn(page, admin.username, admin.password);
  await page.goto('/admin/units');

  // Narrow the tree to the two units (both names carry the suffix), so both are on screen.
  await page.getByRole('textbox', { name: t.units.searchPlaceholder }).fill(s);
  await expect(tree.getByRole('treeitem')).toHaveCount(2);
  // Press, travel in small steps (the tree works out the drop position from the pointer's path), release.
  const from = await tree.getByText(dragged.name, { exact: true }).boundingBox();
  const to = await tree.getByText(target.name, { exact: true }).boundingBox();
  if (!from || !to) throw new Error('tree nodes are not on screen');
  await page.mouse.move(from.x + 20, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 80, to.y + to.height / 2, { steps: 12 }); // rightwards = into the node
  await page.mouse.up();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText(
    t.units.move.dragContent.replace('{{name}}', dragged.name).replace('{{target}}', target.name),
  );
  await confirm.getByRole('button', { name: t.common.confirm }).click();
  await expect(page.getByText(`${target.name} / ${dragged.name}`)).toBeVisible();
});
