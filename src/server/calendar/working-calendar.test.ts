import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HolidaySchedule } from '../../domain/china-holidays.js';
import { isWorkingDay } from '../../domain/working-days.js';
import { systemActor } from '../auth/actor.js';
import { nowIso } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { upsertCalendarDayRows } from './calendar.repository.js';
import { removeCalendarDay, setCalendarDay } from './calendar.service.js';
import { ensureCalendarSeeded } from './calendar-seed.service.js';
import { readCalendarState, saveCalendarState } from './calendar-state.js';
import { CALENDAR_RECHECK_MS, loadWorkingCalendar } from './working-calendar.service.js';

let t: TestApp;
const actor = systemActor('test');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A made-up schedule for a far year, to seed without touching the real ones. */
const FAKE_2035: HolidaySchedule = {
  year: 2035,
  notice: 'test',
  holidays: [['测试节', '2035-05-01', '2035-05-03']],
  workdays: [['测试节', '2035-04-29']],
};

async function countSeedAudits(): Promise<number> {
  const rows = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'calendar.seed').execute();
  return rows.length;
}

describe(ensureCalendarSeeded.name, () => {
  it('should have seeded 2024–2026 once at start-up, all published', async () => {
    const counts = await t.db
      .selectFrom('calendar_days')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'seed')
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(36 + 33 + 39);
    const state = await readCalendarState(t.db);
    expect(state.seededYears).toEqual([2024, 2025, 2026]);
    expect(state.publishedYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(await countSeedAudits()).toBe(1);
  });

  it('should do nothing when run again', async () => {
    expect(await ensureCalendarSeeded(t.db)).toEqual({ years: [], days: 0 });
    expect(await countSeedAudits()).toBe(1);
  });

  it('should not bring back a shipped day an administrator removed', async () => {
    await removeCalendarDay(t.db, { date: '2024-02-18', actor });
    await ensureCalendarSeeded(t.db);
    const row = await t.db.selectFrom('calendar_days').select('date').where('date', '=', '2024-02-18').execute();
    expect(row).toEqual([]);
  });

  it('should seed a newly shipped year once, around a date an administrator already set', async () => {
    await setCalendarDay(t.db, { date: '2035-05-02', kind: 'workday', name: '本地安排', actor });
    const [first, second] = await Promise.all([
      ensureCalendarSeeded(t.db, [FAKE_2035]),
      ensureCalendarSeeded(t.db, [FAKE_2035]),
    ]);
    expect([first?.days, second?.days].sort()).toEqual([0, 3]);
    const days = await t.db
      .selectFrom('calendar_days')
      .selectAll()
      .where('date', 'like', '2035-%')
      .orderBy('date')
      .execute();
    expect(days.map((d) => [d.date, d.kind, d.source])).toEqual([
      ['2035-04-29', 'workday', 'seed'],
      ['2035-05-01', 'holiday', 'seed'],
      ['2035-05-02', 'workday', 'admin'],
      ['2035-05-03', 'holiday', 'seed'],
    ]);
    expect((await readCalendarState(t.db)).publishedYears).toContain(2035);
  });
});

describe(loadWorkingCalendar.name, () => {
  it('should see a write made through the services at once', async () => {
    const before = await loadWorkingCalendar(t.db);
    expect(isWorkingDay(before, '2026-04-13')).toBe(true);
    await setCalendarDay(t.db, { date: '2026-04-13', kind: 'holiday', name: '缓存测试', actor });
    expect(isWorkingDay(await loadWorkingCalendar(t.db), '2026-04-13')).toBe(false);
  });

  it("should see another node's write once the recheck interval has passed", async () => {
    const start = Date.now() + 100 * CALENDAR_RECHECK_MS;
    const cached = await loadWorkingCalendar(t.db, start);
    expect(isWorkingDay(cached, '2026-04-14')).toBe(true);
    // Another node writes: same database, but this node's cache is not told.
    await inTransaction(t.db, async (trx) => {
      const state = await readCalendarState(trx);
      await upsertCalendarDayRows(trx, [
        { date: '2026-04-14', kind: 'holiday', name: '别的节点', source: 'admin', updated_at: nowIso() },
      ]);
      await saveCalendarState(trx, state, null);
    });
    expect(await loadWorkingCalendar(t.db, start + 1000)).toBe(cached);
    const fresh = await loadWorkingCalendar(t.db, start + CALENDAR_RECHECK_MS + 1);
    expect(isWorkingDay(fresh, '2026-04-14')).toBe(false);
  });

  it('should keep the cached calendar when the revision has not moved', async () => {
    const start = Date.now() + 200 * CALENDAR_RECHECK_MS;
    const cached = await loadWorkingCalendar(t.db, start);
    expect(await loadWorkingCalendar(t.db, start + 5 * CALENDAR_RECHECK_MS)).toBe(cached);
  });

  it("should read fresh inside a transaction, seeing the transaction's own writes", async () => {
    await inTransaction(t.db, async (trx) => {
      await upsertCalendarDayRows(trx, [
        { date: '2026-04-15', kind: 'holiday', name: '事务内', source: 'admin', updated_at: nowIso() },
      ]);
      expect(isWorkingDay(await loadWorkingCalendar(trx), '2026-04-15')).toBe(false);
    });
  });
});
