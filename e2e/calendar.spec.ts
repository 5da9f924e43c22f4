import { expect, type Page, test } from '@playwright/test';
import { admin, signIn, text, uniqueSuffix, useLocale } from './support.js';

/** Steps the year switcher until it shows `year`. */
async function showYear(page: Page, t: (typeof text)['zh-CN'], year: number) {
  const title = page.getByRole('heading', { level: 4 });
  for (let i = 0; i < 10; i++) {
    const shown = Number((await title.textContent())?.match(/\d{4}/)?.[0]);
    if (shown === year) return;
    await page.getByRole('button', { name: shown < year ? t.calendar.nextYear : t.calendar.previousYear }).click();
    await expect(title).not.toContainText(String(shown));
  }
  throw new Error(`could not reach ${year}`);
}

test('an administrator checks the 2026 Spring Festival and adds a local holiday', async ({ page }) => {
  const t = text['zh-CN'];
  const name = `防汛应急假${uniqueSuffix()}`;
  const dialog = page.getByRole('dialog');

  await signIn(page, admin.username, admin.password);
  await page.getByRole('link', { name: t.nav.calendar }).click();
  await expect(page.getByRole('heading', { name: t.calendar.title })).toBeVisible();
  await showYear(page, t, 2026);

  await test.step('the shipped 2026 schedule shows the Spring Festival block and its make-up Saturdays', async () => {
    await expect(page.getByText(t.calendar.publishedTag.replace('{{year}}', '2026'))).toBeVisible();
    const february = page.getByTestId('calendar-month-2');
    await expect(february.getByText('15–23 春节')).toBeVisible();
    await expect(february.getByRole('button', { name: /2026年2月14日.*春节（调休上班）/ })).toHaveClass(/is-workday/);
    await expect(february.getByRole('button', { name: /2026年2月16日.*春节（放假）/ })).toHaveClass(/is-holiday/);
  });

  await test.step('a custom holiday is added and shows in the month and the list', async () => {
    await page.getByRole('button', { name: t.calendar.addDay }).click();
    await dialog.getByLabel(t.calendar.form.date).fill('2026-03-09');
    await dialog.getByLabel(t.calendar.form.name).fill(name);
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(page.getByText(t.calendar.saved.replace('{{date}}', '2026-03-09'))).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('calendar-month-3').getByText(`9 ${name}`)).toBeVisible();
    await page.getByText(t.calendar.viewList, { exact: true }).click();
    const row = page.getByTestId('calendar-day-2026-03-09');
    await expect(row).toContainText(name);
    await expect(row).toContainText(t.calendar.kind.holiday);
    await expect(row).toContainText(t.calendar.source.admin);
  });

  await test.step('working days from the Friday before now skip the new holiday', async () => {
    await page.getByLabel(t.calendar.calculator.from).fill('2026-03-06');
    await page.getByLabel(t.calendar.calculator.days).fill('1');
    await expect(page.getByTestId('working-days-result')).toHaveText(/2026年3月10日/);
  });

  await test.step('the custom holiday is deleted again', async () => {
    const row = page.getByTestId('calendar-day-2026-03-09');
    await row.getByRole('button', { name: `${t.calendar.remove} 2026-03-09` }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: t.calendar.remove }).click();
    await expect(row).toBeHidden();
    await expect(page.getByTestId('working-days-result')).toHaveText(/2026年3月9日/);
  });
});

test('2027 is shown as not yet published until an administrator confirms it', async ({ page }) => {
  const t = text['zh-CN'];
  await signIn(page, admin.username, admin.password);
  await page.goto('/admin/calendar');
  await showYear(page, t, 2027);
  await expect(page.getByText(t.calendar.unpublishedTitle.replace('{{year}}', '2027'))).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/calendar-zh-CN-1280-2027.png' });
  await page.getByText(t.calendar.viewList, { exact: true }).click();
  await expect(page.getByText(t.calendar.emptyYear.replace('{{year}}', '2027'))).toBeVisible();
});

test('the acknowledgement period is saved', async ({ page }) => {
  const t = text['zh-CN'];
  await signIn(page, admin.username, admin.password);
  await page.goto('/admin/calendar');
  const input = page.getByLabel(t.calendar.taskSettings.acknowledgeWorkingDays);
  await expect(input).toHaveValue(/\d+/);
  await input.fill('3');
  await page.getByRole('button', { name: t.common.save }).click();
  await expect(page.getByText(t.calendar.taskSettings.saved)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(t.calendar.taskSettings.acknowledgeWorkingDays)).toHaveValue('3');
  await page.getByLabel(t.calendar.taskSettings.acknowledgeWorkingDays).fill('2');
  await page.getByRole('button', { name: t.common.save }).click();
  await expect(page.getByText(t.calendar.taskSettings.saved)).toBeVisible();
});

// Pictures for people to look at (test-results/screenshots, not committed), at desktop and phone
// width in zh-CN and en; each also checks the page never scrolls sideways.
for (const locale of ['zh-CN', 'en'] as const) {
  for (const width of [1280, 375]) {
    test.describe(`calendar pictures ${locale} ${width}px`, () => {
      test.use({ viewport: { width, height: width > 400 ? 900 : 812 } });

      test(`screenshots of the holiday calendar (${locale}, ${width}px)`, async ({ page }) => {
        const t = text[locale];
        await useLocale(page, locale);
        await signIn(page, admin.username, admin.password, locale);
        await page.goto('/admin/calendar');
        await showYear(page, t, 2026);
        await expect(page.getByTestId('calendar-month-10')).toBeVisible();
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, 'page is wider than the screen').toBeLessThanOrEqual(0);
        const prefix = `test-results/screenshots/calendar-${locale}-${width}`;
        await page.screenshot({ path: `${prefix}-months.png`, fullPage: width > 400 });
        if (width <= 400) {
          await page.getByTestId('calendar-month-2').scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${prefix}-february.png` });
          await page.getByText(t.calendar.taskSettings.title).scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${prefix}-settings.png` });
        }
        await page.getByText(t.calendar.viewList, { exact: true }).click();
        await expect(page.getByTestId('calendar-day-2026-02-14')).toBeVisible();
        await page.screenshot({ path: `${prefix}-list.png`, fullPage: width > 400 });
        await page.getByTestId('calendar-day-2026-02-14').getByRole('button').first().click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${prefix}-dialog.png` });
      });
    });
  }
}
