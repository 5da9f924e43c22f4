import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHINA_HOLIDAY_SCHEDULES, expandSchedule } from './china-holidays.js';
import {
  addWorkingDays,
  buildWorkingCalendar,
  fromDayNumber,
  isRangePublished,
  isWeekend,
  isWorkingDay,
  nextWorkingDay,
  toDayNumber,
  workingDaysBetween,
} from './working-days.js';

const china = buildWorkingCalendar(
  CHINA_HOLIDAY_SCHEDULES.flatMap(expandSchedule),
  CHINA_HOLIDAY_SCHEDULES.map((schedule) => schedule.year),
);
const weekendsOnly = buildWorkingCalendar([]);

describe(isWorkingDay.name, () => {
  it('should close the whole 2026 Spring Festival block, Sunday 15 to Monday 23 February', () => {
    for (let day = 15; day <= 23; day++) expect(isWorkingDay(china, `2026-02-${day}`), `2026-02-${day}`).toBe(false);
  });

  it('should open the 2026 Spring Festival make-up Saturdays, 14 and 28 February', () => {
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-28')).toBe(true);
    expect(isWorkingDay(china, '2026-02-14')).toBe(true);
    expect(isWorkingDay(china, '2026-02-28')).toBe(true);
    expect(isWorkingDay(china, '2026-03-01')).toBe(false);
  });

  it('should follow the 2026 National Day schedule: Sunday 20 September and Saturday 10 October worked', () => {
    expect(isWorkingDay(china, '2026-09-20')).toBe(true);
    for (let day = 1; day <= 7; day++) expect(isWorkingDay(china, `2026-10-0${day}`)).toBe(false);
    expect(isWorkingDay(china, '2026-10-08')).toBe(true);
    expect(isWorkingDay(china, '2026-10-10')).toBe(true);
    expect(isWorkingDay(china, '2026-10-11')).toBe(false);
  });

  it('should follow the 2025 schedule: Spring Festival 28 January–4 February, 26 January and 8 February worked', () => {
    expect(isWorkingDay(china, '2025-01-26')).toBe(true);
    expect(isWorkingDay(china, '2025-01-28')).toBe(false);
    expect(isWorkingDay(china, '2025-02-04')).toBe(false);
    expect(isWorkingDay(china, '2025-02-08')).toBe(true);
    expect(isWorkingDay(china, '2025-10-08')).toBe(false);
    expect(isWorkingDay(china, '2025-10-11')).toBe(true);
  });

  it('should treat plain weekdays as working days and weekends as days off without entries', () => {
    expect(isWorkingDay(weekendsOnly, '2026-02-16')).toBe(true);
    expect(isWorkingDay(weekendsOnly, '2026-02-14')).toBe(false);
    expect(isWorkingDay(weekendsOnly, '1969-12-28')).toBe(false);
    expect(isWorkingDay(weekendsOnly, '1969-12-29')).toBe(true);
  });

  it('should let a later entry for the same date win', () => {
    const calendar = buildWorkingCalendar([
      { date: '2026-02-16', kind: 'holiday', name: '春节' },
      { date: '2026-02-16', kind: 'workday', name: '改为上班' },
    ]);
    expect(isWorkingDay(calendar, '2026-02-16')).toBe(true);
  });

  it('should refuse dates that do not exist or are not YYYY-MM-DD', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '20260203', '2026-13-01', '']) {
      expect(() => isWorkingDay(china, bad), bad).toThrow(RangeError);
    }
  });
});

describe(addWorkingDays.name, () => {
  it('should jump the 2026 Spring Festival block from the Friday before it', () => {
    expect(addWorkingDays(china, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(china, '2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays(china, '2026-02-12', 3)).toBe('2026-02-24');
  });

  it('should count from the day after an assignment made during the holiday', () => {
    expect(addWorkingDays(china, '2026-02-18', 1)).toBe('2026-02-24');
    expect(addWorkingDays(china, '2026-02-18', 2)).toBe('2026-02-25');
  });

  it('should land on the make-up Saturday after 2026 National Day', () => {
    expect(addWorkingDays(china, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(china, '2026-10-09', 1)).toBe('2026-10-10');
    expect(addWorkingDays(china, '2026-09-18', 1)).toBe('2026-09-20');
  });

  it('should jump the 2025 National Day and Mid-Autumn block', () => {
    expect(addWorkingDays(china, '2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays(china, '2025-01-27', 1)).toBe('2025-02-05');
  });

  it('should cross a year end onto the make-up Sunday after 2026 New Year', () => {
    expect(addWorkingDays(china, '2025-12-31', 1)).toBe('2026-01-04');
    expect(addWorkingDays(china, '2025-12-31', 2)).toBe('2026-01-05');
    expect(addWorkingDays(china, '2025-12-31', 0)).toBe('2025-12-31');
    expect(addWorkingDays(weekendsOnly, '2026-12-31', 2)).toBe('2027-01-04');
  });

  it('should skip plain weekends: Friday plus two working days is Tuesday', () => {
    expect(addWorkingDays(china, '2026-03-06', 2)).toBe('2026-03-10');
  });

  it('should refuse a negative or fractional count', () => {
    expect(() => addWorkingDays(china, '2026-03-06', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(china, '2026-03-06', 1.5)).toThrow(RangeError);
  });
});

describe(workingDaysBetween.name, () => {
  it('should count February 2026 as 16 working days (20 weekdays, 6 of them off, 2 Saturdays worked)', () => {
    expect(workingDaysBetween(china, '2026-01-31', '2026-02-28')).toBe(16);
    expect(workingDaysBetween(weekendsOnly, '2026-01-31', '2026-02-28')).toBe(20);
  });

  it('should count across the Spring Festival block in either direction with opposite signs', () => {
    expect(workingDaysBetween(china, '2026-02-13', '2026-02-24')).toBe(2);
    expect(workingDaysBetween(china, '2026-02-24', '2026-02-13')).toBe(-2);
  });

  it('should count the make-up Sunday before 2026 National Day', () => {
    expect(workingDaysBetween(china, '2026-09-18', '2026-09-21')).toBe(2);
    expect(workingDaysBetween(china, '2026-09-30', '2026-10-08')).toBe(1);
  });

  it('should be zero for the same day and exclude the start day', () => {
    expect(workingDaysBetween(china, '2026-03-09', '2026-03-09')).toBe(0);
    expect(workingDaysBetween(china, '2026-03-09', '2026-03-10')).toBe(1);
  });

  const dates = fc.integer({ min: toDayNumber('2023-06-01'), max: toDayNumber('2027-06-30') }).map(fromDayNumber);

  it('should undo addWorkingDays for any date and count', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 400 }), (from, n) => {
        expect(workingDaysBetween(china, from, addWorkingDays(china, from, n))).toBe(n);
      }),
    );
  });

  it('should count as a day-by-day walk does, inside and outside the indexed years', () => {
    const walk = (from: string, to: string) => {
      let count = 0;
      for (let day = toDayNumber(from) + 1; day <= toDayNumber(to); day++)
        if (isWorkingDay(china, fromDayNumber(day))) count++;
      return count;
    };
    const wide = fc.integer({ min: toDayNumber('1969-06-01'), max: toDayNumber('2170-06-30') }).map(fromDayNumber);
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 800 }), (from, span) => {
        const to = fromDayNumber(toDayNumber(from) + span);
        expect(workingDaysBetween(china, from, to)).toBe(walk(from, to));
      }),
    );
    fc.assert(
      fc.property(wide, fc.integer({ min: 0, max: 60 }), (from, n) => {
        const to = addWorkingDays(china, from, n);
        expect(walk(from, to)).toBe(n);
        if (n > 0) expect(isWorkingDay(china, to)).toBe(true);
      }),
    );
  });

  it('should change only the sign when the dates are swapped', () => {
    fc.assert(
      fc.property(dates, dates, (a, b) => {
        expect(workingDaysBetween(china, a, b) + workingDaysBetween(china, b, a)).toBe(0);
      }),
    );
  });
});

describe(nextWorkingDay.name, () => {
  it('should move a date inside 2026 National Day to 8 October', () => {
    expect(nextWorkingDay(china, '2026-10-01')).toBe('2026-10-08');
    expect(nextWorkingDay(china, '2026-10-01', { orSame: true })).toBe('2026-10-08');
  });

  it('should keep a working day with orSame and move past it without', () => {
    expect(nextWorkingDay(china, '2026-02-14', { orSame: true })).toBe('2026-02-14');
    expect(nextWorkingDay(china, '2026-02-14')).toBe('2026-02-24');
  });
});

describe(isRangePublished.name, () => {
  it('should know which years have an official schedule', () => {
    expect(isRangePublished(china, '2024-05-01', '2026-12-31')).toBe(true);
    expect(isRangePublished(china, '2026-12-30', '2027-01-04')).toBe(false);
    expect(isRangePublished(china, '2027-01-04', '2026-12-30')).toBe(false);
  });
});

describe(toDayNumber.name, () => {
  it('should round-trip through fromDayNumber, before and after 1970', () => {
    for (const date of ['1969-12-31', '1970-01-01', '2000-02-29', '2026-02-14', '2100-12-31']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });
});
