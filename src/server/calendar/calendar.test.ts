import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: string;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await t.makeUser('calendar-staff', ['unit_staff']);
  staff = await t.login('calendar-staff');
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function api(method: Method, url: string, payload?: object, cookie = admin, language = 'zh-CN') {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload ? { payload } : {}),
    headers: { cookie, 'accept-language': language },
  });
}

async function workingDaysAfter(from: string, days: number): Promise<string> {
  const res = await api('POST', '/calendar/working-days', { from, days }, staff);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().date;
}

async function dayRow(date: string) {
  return t.db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
}

async function auditActions(objectId: string): Promise<string[]> {
  const rows = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', objectId).execute();
  return rows.map((row) => row.action);
}

/** A small calendar in iCalendar form, for a year no official schedule will ever clash with. */
const ICS_2030 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20300204',
  'DTEND;VALUE=DATE:20300207',
  'SUMMARY:测试假期(休)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20300209',
  'SUMMARY:测试假期(班)',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('GET /calendar', () => {
  it('should show anyone signed in the 2026 Spring Festival block and its make-up Saturdays', async () => {
    const res = await api('GET', '/calendar?year=2026', undefined, staff);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, published: true });
    const spring = body.days.filter((d: { name: string }) => d.name === '春节');
    expect(spring.filter((d: { kind: string }) => d.kind === 'holiday').map((d: { date: string }) => d.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(spring.filter((d: { kind: string }) => d.kind === 'workday')).toEqual([
      { date: '2026-02-14', kind: 'workday', name: '春节', source: 'seed' },
      { date: '2026-02-28', kind: 'workday', name: '春节', source: 'seed' },
    ]);
  });

  it('should say 2027 is not published yet and list nothing for it', async () => {
    const res = await api('GET', '/calendar?year=2027');
    expect(res.json()).toEqual({ year: 2027, published: false, days: [] });
  });

  it('should answer the current year when none is asked for', async () => {
    const res = await api('GET', '/calendar');
    expect(res.statusCode).toBe(200);
    expect(res.json().year).toBeGreaterThanOrEqual(2026);
  });

  it('should refuse a year outside 2000–2100', async () => {
    const res = await api('GET', '/calendar?year=1999');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'year' });
  });
});

describe('POST /calendar/working-days', () => {
  it('should count across the 2026 Spring Festival block, the start day excluded', async () => {
    expect(await workingDaysAfter('2026-02-13', 1)).toBe('2026-02-14');
    expect(await workingDaysAfter('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('should land on the 2026 National Day make-up Saturday', async () => {
    expect(await workingDaysAfter('2026-10-09', 1)).toBe('2026-10-10');
    expect(await workingDaysAfter('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('should say when the result runs into a year with no published schedule', async () => {
    const res = await api('POST', '/calendar/working-days', { from: '2026-12-30', days: 5 });
    expect(res.json()).toEqual({ date: '2027-01-06', published: false });
    const inside = await api('POST', '/calendar/working-days', { from: '2025-01-27', days: 1 });
    expect(inside.json()).toEqual({ date: '2025-02-05', published: true });
  });

  it('should refuse an impossible date, a wrong format and a negative count', async () => {
    for (const [payload, field] of [
      [{ from: '2026-02-30', days: 1 }, 'from'],
      [{ from: '2026/02/13', days: 1 }, 'from'],
      [{ from: '2026-02-13', days: -1 }, 'days'],
      [{ from: '2026-02-13', days: 1.5 }, 'days'],
    ] as const) {
      const res = await api('POST', '/calendar/working-days', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    }
  });
});

describe('PUT /calendar/days/:date', () => {
  it('should let an administrator add a holiday that working-day calculations then skip', async () => {
    expect(await workingDaysAfter('2026-03-06', 1)).toBe('2026-03-09');
    const res = await api('PUT', '/calendar/days/2026-03-09', { kind: 'holiday', name: ' 防汛应急调休 ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: '2026-03-09', kind: 'holiday', name: '防汛应急调休', source: 'admin' });
    expect(await workingDaysAfter('2026-03-06', 1)).toBe('2026-03-10');
    expect(await auditActions('2026-03-09')).toEqual(['calendar.day.set']);
  });

  it('should let an administrator correct a shipped day, which then counts as theirs', async () => {
    const res = await api('PUT', '/calendar/days/2026-02-23', { kind: 'workday', name: '春节' });
    expect(res.json()).toMatchObject({ kind: 'workday', source: 'admin' });
    expect(await workingDaysAfter('2026-02-13', 2)).toBe('2026-02-23');
    await api('PUT', '/calendar/days/2026-02-23', { kind: 'holiday', name: '春节' });
    expect(await workingDaysAfter('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('should write nothing when the day already says the same', async () => {
    await api('PUT', '/calendar/days/2026-03-16', { kind: 'holiday', name: '同样' });
    const again = await api('PUT', '/calendar/days/2026-03-16', { kind: 'holiday', name: '同样' });
    expect(again.statusCode).toBe(200);
    expect(await auditActions('2026-03-16')).toEqual(['calendar.day.set']);
  });

  it('should refuse anyone but an administrator and change nothing', async () => {
    const res = await api('PUT', '/calendar/days/2026-03-11', { kind: 'holiday', name: '越权' }, staff);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect(await dayRow('2026-03-11')).toBeUndefined();
  });

  it('should refuse bad dates, kinds, blank names and unknown fields with 400', async () => {
    const cases: Array<[string, object, string]> = [
      ['2026-02-30', { kind: 'holiday', name: 'x' }, 'date'],
      ['2026-2-3', { kind: 'holiday', name: 'x' }, 'date'],
      ['tomorrow', { kind: 'holiday', name: 'x' }, 'date'],
      ['2026-03-12', { kind: 'weekend', name: 'x' }, 'kind'],
      ['2026-03-12', { kind: 'holiday', name: '  ' }, 'name'],
      ['2026-03-12', { kind: 'holiday', name: 'x'.repeat(51) }, 'name'],
      ['2026-03-12', { kind: 'holiday', name: 'x', source: 'seed' }, 'source'],
    ];
    for (const [date, payload, field] of cases) {
      const res = await api('PUT', `/calendar/days/${date}`, payload);
      expect(res.statusCode, `${date} ${JSON.stringify(payload)}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    }
    expect(await dayRow('2026-03-12')).toBeUndefined();
  });
});

describe('DELETE /calendar/days/:date', () => {
  it('should remove a make-up Saturday so it is a day off again', async () => {
    expect(await workingDaysAfter('2026-02-27', 1)).toBe('2026-02-28');
    const res = await api('DELETE', '/calendar/days/2026-02-28');
    expect(res.statusCode).toBe(204);
    expect(await workingDaysAfter('2026-02-27', 1)).toBe('2026-03-02');
    expect(await auditActions('2026-02-28')).toEqual(['calendar.day.remove']);
  });

  it('should answer 404 with a translated detail for a date without an entry', async () => {
    const res = await api('DELETE', '/calendar/days/2026-03-18', undefined, admin, 'en');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'calendar_day_not_found', field: 'date' });
    expect(res.json().detail).toContain('2026-03-18 has no holiday');
  });

  it('should refuse anyone but an administrator', async () => {
    const res = await api('DELETE', '/calendar/days/2026-02-14', undefined, staff);
    expect(res.statusCode).toBe(403);
    expect(await dayRow('2026-02-14')).toBeDefined();
  });
});

describe('POST /calendar/import', () => {
  it('should import an .ics file: each date of a multi-day event, 班 as a workday, the year published', async () => {
    const res = await api('POST', '/calendar/import', { ics: ICS_2030 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      events: 2,
      skipped: 0,
      days: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      years: [2030],
    });
    const year = (await api('GET', '/calendar?year=2030')).json();
    expect(year.published).toBe(true);
    expect(year.days).toEqual([
      { date: '2030-02-04', kind: 'holiday', name: '测试假期', source: 'import' },
      { date: '2030-02-05', kind: 'holiday', name: '测试假期', source: 'import' },
      { date: '2030-02-06', kind: 'holiday', name: '测试假期', source: 'import' },
      { date: '2030-02-09', kind: 'workday', name: '测试假期', source: 'import' },
    ]);
    expect(await workingDaysAfter('2030-02-01', 1)).toBe('2030-02-07');
  });

  it('should report a second import of the same file as unchanged', async () => {
    const res = await api('POST', '/calendar/import', { ics: ICS_2030 });
    expect(res.json()).toMatchObject({ days: 4, created: 0, updated: 0, unchanged: 4 });
  });

  it('should replace what an imported date held before', async () => {
    await api('PUT', '/calendar/days/2030-02-05', { kind: 'workday', name: '手工改过' });
    const res = await api('POST', '/calendar/import', { ics: ICS_2030 });
    expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect(await dayRow('2030-02-05')).toMatchObject({ kind: 'holiday', source: 'import' });
  });

  it('should refuse a file that is not iCalendar, and point at the line of a broken event', async () => {
    const csv = await api('POST', '/calendar/import', { ics: '日期,名称\n2030-10-01,国庆节' });
    expect(csv.statusCode).toBe(422);
    expect(csv.json()).toMatchObject({ code: 'calendar_file_empty', field: 'ics' });
    const broken = ICS_2030.replace('DTEND;VALUE=DATE:20300207', 'DTEND;VALUE=DATE:20300231');
    const res = await api('POST', '/calendar/import', { ics: broken });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('calendar_file_invalid');
    expect(res.json().detail).toContain('第 5 行');
  });

  it('should refuse anyone but an administrator and import nothing', async () => {
    const res = await api('POST', '/calendar/import', { ics: ICS_2030.replaceAll('2030', '2031') }, staff);
    expect(res.statusCode).toBe(403);
    expect((await api('GET', '/calendar?year=2031')).json().days).toEqual([]);
  });
});

describe('PUT /calendar/years/:year', () => {
  it('should let an administrator confirm a year entered by hand, and withdraw it', async () => {
    const confirmed = await api('PUT', '/calendar/years/2028', { published: true });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ year: 2028, published: true });
    expect((await api('POST', '/calendar/working-days', { from: '2028-03-01', days: 3 })).json().published).toBe(true);
    const withdrawn = await api('PUT', '/calendar/years/2028', { published: false });
    expect(withdrawn.json().published).toBe(false);
    expect(await auditActions('2028')).toEqual(['calendar.year.publish', 'calendar.year.unpublish']);
  });

  it('should refuse anyone but an administrator', async () => {
    const res = await api('PUT', '/calendar/years/2029', { published: true }, staff);
    expect(res.statusCode).toBe(403);
  });
});
