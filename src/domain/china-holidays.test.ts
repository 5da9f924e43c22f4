import { describe, expect, it } from 'vitest';
import { CHINA_HOLIDAY_SCHEDULES, expandSchedule } from './china-holidays.js';
import { isWeekend } from './working-days.js';

const byYear = new Map(CHINA_HOLIDAY_SCHEDULES.map((schedule) => [schedule.year, expandSchedule(schedule)]));

function holidayDays(year: number, name: string): string[] {
  return (byYear.get(year) ?? []).filter((d) => d.kind === 'holiday' && d.name === name).map((d) => d.date);
}

describe('CHINA_HOLIDAY_SCHEDULES', () => {
  it('should ship 2024, 2025 and 2026, and no 2027 until its notice is out and checked', () => {
    expect([...byYear.keys()]).toEqual([2024, 2025, 2026]);
  });

  it.each(CHINA_HOLIDAY_SCHEDULES.map((s) => [s.year, s] as const))(
    'should keep %i internally consistent: own year, no date twice, make-up days only on weekends',
    (year, schedule) => {
      const days = expandSchedule(schedule);
      expect(days.every((d) => d.date.startsWith(`${year}-`))).toBe(true);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
      for (const day of days.filter((d) => d.kind === 'workday')) expect(isWeekend(day.date), day.date).toBe(true);
    },
  );

  it('should have the lengths the notices announce (2025 and 2026 add a day to Spring Festival and Labour Day)', () => {
    expect(holidayDays(2024, '春节')).toHaveLength(8);
    expect(holidayDays(2025, '春节')).toHaveLength(8);
    expect(holidayDays(2026, '春节')).toHaveLength(9);
    expect(holidayDays(2025, '劳动节')).toHaveLength(5);
    expect(holidayDays(2025, '国庆节、中秋节')).toHaveLength(8);
    expect(holidayDays(2026, '国庆节')).toHaveLength(7);
  });

  it('should list the 2026 make-up working days of the notice', () => {
    const workdays = (byYear.get(2026) ?? []).filter((d) => d.kind === 'workday').map((d) => d.date);
    expect(workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });
});
