import { describe, expect, it } from 'vitest';
import { isWeekendDate, monthLayout, monthRuns, todayLocal, weekdayInitials } from './calendar-dates.js';

describe(monthLayout.name, () => {
  it('should start February 2026 (a Sunday) in the seventh column and give it 28 days', () => {
    const { lead, dates } = monthLayout(2026, 2);
    expect(lead).toBe(6);
    expect(dates).toHaveLength(28);
    expect(dates[0]).toBe('2026-02-01');
    expect(dates.at(-1)).toBe('2026-02-28');
  });

  it('should start June 2026 (a Monday) in the first column and know leap years', () => {
    expect(monthLayout(2026, 6).lead).toBe(0);
    expect(monthLayout(2028, 2).dates).toHaveLength(29);
  });
});

describe(isWeekendDate.name, () => {
  it('should find the 2026 Spring Festival make-up Saturday a weekend day', () => {
    expect(isWeekendDate('2026-02-14')).toBe(true);
    expect(isWeekendDate('2026-02-16')).toBe(false);
  });
});

describe(weekdayInitials.name, () => {
  it('should start the week on Monday', () => {
    expect(weekdayInitials('en')[0]).toBe('M');
    expect(weekdayInitials('zh-CN')[6]).toBe('日');
  });
});

describe(todayLocal.name, () => {
  it('should give the local date of an instant', () => {
    expect(todayLocal(new Date(2026, 1, 14, 23, 59))).toBe('2026-02-14');
  });
});

describe(monthRuns.name, () => {
  it('should join consecutive days of the same holiday and keep make-up days apart', () => {
    const days = [
      { date: '2026-02-16', kind: 'holiday', name: '春节', source: 'seed' },
      { date: '2026-02-15', kind: 'holiday', name: '春节', source: 'seed' },
      { date: '2026-02-14', kind: 'workday', name: '春节', source: 'seed' },
      { date: '2026-02-28', kind: 'workday', name: '春节', source: 'seed' },
    ] as const;
    expect(monthRuns(days)).toEqual([
      { kind: 'workday', name: '春节', firstDay: 14, lastDay: 14 },
      { kind: 'holiday', name: '春节', firstDay: 15, lastDay: 16 },
      { kind: 'workday', name: '春节', firstDay: 28, lastDay: 28 },
    ]);
  });
});
