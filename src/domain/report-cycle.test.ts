import { describe, expect, it } from 'vitest';
import { CHINA_HOLIDAY_SCHEDULES, expandSchedule } from './china-holidays.js';
import {
  dayAfter,
  dayBefore,
  lateWorkingDays,
  mondayOf,
  periodEndingOnOrAfter,
  periodsEndingBetween,
  type ReportCycle,
  reportDueDate,
} from './report-cycle.js';
import { buildWorkingCalendar } from './working-days.js';

const china = buildWorkingCalendar(
  CHINA_HOLIDAY_SCHEDULES.flatMap(expandSchedule),
  CHINA_HOLIDAY_SCHEDULES.map((schedule) => schedule.year),
);

function cycle(kind: ReportCycle['kind'], extra: Partial<ReportCycle> = {}): ReportCycle {
  return { kind, customDates: [], anchorDate: null, ...extra };
}

const ends = (c: ReportCycle, from: string, to: string) => periodsEndingBetween(c, from, to);

describe(periodsEndingBetween.name, () => {
  it.each<[string, ReportCycle, string, string, Array<[string, string]>]>([
    [
      'weeks run Monday to Sunday, across the National Day holiday',
      cycle('weekly'),
      '2026-09-28',
      '2026-10-18',
      [
        ['2026-09-28', '2026-10-04'],
        ['2026-10-05', '2026-10-11'],
        ['2026-10-12', '2026-10-18'],
      ],
    ],
    [
      'a week that began before the window counts when it ends inside it',
      cycle('weekly'),
      '2026-10-01',
      '2026-10-04',
      [['2026-09-28', '2026-10-04']],
    ],
    [
      'months are calendar months, February of 2026 with 28 days',
      cycle('monthly'),
      '2026-01-15',
      '2026-04-30',
      [
        ['2026-01-01', '2026-01-31'],
        ['2026-02-01', '2026-02-28'],
        ['2026-03-01', '2026-03-31'],
        ['2026-04-01', '2026-04-30'],
      ],
    ],
    [
      'February of a leap year has 29 days',
      cycle('monthly'),
      '2028-02-01',
      '2028-02-29',
      [['2028-02-01', '2028-02-29']],
    ],
    ['a month still running has not ended', cycle('monthly'), '2026-05-01', '2026-05-30', []],
    [
      'quarters are calendar quarters',
      cycle('quarterly'),
      '2026-01-01',
      '2026-12-31',
      [
        ['2026-01-01', '2026-03-31'],
        ['2026-04-01', '2026-06-30'],
        ['2026-07-01', '2026-09-30'],
        ['2026-10-01', '2026-12-31'],
      ],
    ],
    [
      'biweekly blocks count from the anchor, also backwards',
      cycle('biweekly', { anchorDate: '2026-01-05' }),
      '2026-01-01',
      '2026-02-15',
      [
        ['2025-12-22', '2026-01-04'],
        ['2026-01-05', '2026-01-18'],
        ['2026-01-19', '2026-02-01'],
        ['2026-02-02', '2026-02-15'],
      ],
    ],
    [
      'biweekly blocks without an anchor count from Monday 2024-01-01',
      cycle('biweekly'),
      '2024-01-01',
      '2024-01-28',
      [
        ['2024-01-01', '2024-01-14'],
        ['2024-01-15', '2024-01-28'],
      ],
    ],
    [
      'custom periods end on the given dates (sorted, duplicates dropped), the first from the anchor',
      cycle('custom', {
        customDates: ['2026-03-15', '2026-01-31', '2026-06-30', '2026-03-15'],
        anchorDate: '2026-01-10',
      }),
      '2026-01-01',
      '2026-12-31',
      [
        ['2026-01-10', '2026-01-31'],
        ['2026-02-01', '2026-03-15'],
        ['2026-03-16', '2026-06-30'],
      ],
    ],
    [
      'custom periods outside the window are left out',
      cycle('custom', { customDates: ['2026-01-31', '2026-03-15', '2026-06-30'], anchorDate: '2026-01-10' }),
      '2026-02-01',
      '2026-06-29',
      [['2026-02-01', '2026-03-15']],
    ],
    [
      'a first custom period without an anchor is its own end date',
      cycle('custom', { customDates: ['2026-04-30'] }),
      '2026-04-01',
      '2026-05-31',
      [['2026-04-30', '2026-04-30']],
    ],
    ['none has no periods', cycle('none'), '2026-01-01', '2026-12-31', []],
    ['an empty window has no periods', cycle('monthly'), '2026-03-01', '2026-02-01', []],
  ])('%s', (_label, c, from, to, expected) => {
    expect(ends(c, from, to).map((p) => [p.start, p.end])).toEqual(expected);
  });

  it('should cut off a runaway window at 5,000 periods', () => {
    expect(ends(cycle('weekly'), '1900-01-01', '2100-12-31')).toHaveLength(5000);
  });
});

describe(periodEndingOnOrAfter.name, () => {
  it.each<[string, ReportCycle, string, [string, string] | null]>([
    ['the month containing a date', cycle('monthly'), '2026-02-10', ['2026-02-01', '2026-02-28']],
    ['the month ending on the date itself', cycle('monthly'), '2026-02-28', ['2026-02-01', '2026-02-28']],
    ['the week containing a Sunday', cycle('weekly'), '2026-10-04', ['2026-09-28', '2026-10-04']],
    ['the quarter containing a date', cycle('quarterly'), '2026-05-20', ['2026-04-01', '2026-06-30']],
    [
      'the next custom period',
      cycle('custom', { customDates: ['2026-01-31', '2026-06-30'], anchorDate: '2026-01-01' }),
      '2026-02-01',
      ['2026-02-01', '2026-06-30'],
    ],
    ['nothing after the last custom date', cycle('custom', { customDates: ['2026-01-31'] }), '2026-02-01', null],
    ['nothing for none', cycle('none'), '2026-02-01', null],
  ])('should find %s', (_label, c, date, expected) => {
    const period = periodEndingOnOrAfter(c, date);
    expect(period ? [period.start, period.end] : null).toEqual(expected);
  });

  it('should agree with periodsEndingBetween on biweekly blocks', () => {
    const c = cycle('biweekly', { anchorDate: '2026-03-02' });
    const next = periodEndingOnOrAfter(c, '2026-04-01');
    expect(next).toEqual({ start: '2026-03-30', end: '2026-04-12' });
    expect(ends(c, '2026-04-01', '2026-04-12')).toEqual([next]);
  });
});

describe(reportDueDate.name, () => {
  it.each([
    ['a month ending on a Tuesday, no holiday', '2026-03-31', 3, '2026-04-03'],
    ['a month ending on a Saturday: the weekend does not count', '2026-01-31', 3, '2026-02-04'],
    [
      'September before National Day: the holiday is skipped, the make-up Saturday counts',
      '2026-09-30',
      3,
      '2026-10-10',
    ],
    ['a week ending inside National Day', '2026-10-04', 3, '2026-10-10'],
    ['a week ending before Spring Festival: the whole holiday is skipped', '2026-02-15', 3, '2026-02-26'],
    ['Spring Festival with the make-up Saturday 2026-02-28', '2026-02-22', 5, '2026-02-28'],
    ['the Qingming holiday', '2026-04-03', 1, '2026-04-07'],
    ['zero working days: due on the last day of the period', '2026-03-31', 0, '2026-03-31'],
  ])('should date %s', (_label, end, days, due) => {
    expect(reportDueDate(china, end, days)).toBe(due);
  });
});

describe(lateWorkingDays.name, () => {
  it.each([
    ['on the due date', '2026-10-16', '2026-10-16', 0],
    ['before the due date', '2026-10-16', '2026-10-12', 0],
    ['on the Saturday after a Friday due date (late, though no working day passed)', '2026-10-16', '2026-10-17', 1],
    ['on the Monday after', '2026-10-16', '2026-10-19', 1],
    ['on the Tuesday after', '2026-10-16', '2026-10-20', 2],
    ['across National Day: only working days count', '2026-09-30', '2026-10-08', 1],
    ['on the make-up Saturday after National Day', '2026-09-30', '2026-10-10', 3],
  ])('should count a report sent %s', (_label, due, sent, late) => {
    expect(lateWorkingDays(china, due, sent)).toBe(late);
  });
});

describe('date helpers', () => {
  it('should find Mondays and neighbouring days across month and year ends', () => {
    expect(mondayOf('2026-10-04')).toBe('2026-09-28');
    expect(mondayOf('2026-09-28')).toBe('2026-09-28');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(dayAfter('2026-02-28')).toBe('2026-03-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
