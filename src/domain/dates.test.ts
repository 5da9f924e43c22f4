import { describe, expect, it } from 'vitest';
import { localDate, taskNumber, yearOf } from './dates.js';

describe(localDate.name, () => {
  it('should give the date in the zone, not in UTC', () => {
    // 2026-02-16 17:30 UTC is already the 17th in Beijing and still the 16th in New York.
    const instant = new Date('2026-02-16T17:30:00Z');
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2026-02-17');
    expect(localDate(instant, 'America/New_York')).toBe('2026-02-16');
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2026-02-17');
  });
});

describe(taskNumber.name, () => {
  it('should pad to four digits and grow beyond', () => {
    expect(taskNumber(2026, 137)).toBe('2026-0137');
    expect(taskNumber(2026, 12345)).toBe('2026-12345');
    expect(yearOf('2027-01-01')).toBe(2027);
  });
});
