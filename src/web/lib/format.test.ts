import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatShortDateTime } from './format.js';

describe(formatShortDateTime.name, () => {
  it('should use the UI language and a 24-hour clock', () => {
    const text = formatShortDateTime('2026-03-05T06:07:00.000Z', 'zh-CN');
    expect(text).toMatch(/^2026\/3\/5 \d{2}:07$/);
  });
});

describe(formatDateTime.name, () => {
  it('should give the fallback for missing or unreadable timestamps', () => {
    expect(formatDateTime(null, 'en', 'Never')).toBe('Never');
    expect(formatDateTime('not a date', 'en', 'Never')).toBe('Never');
  });
});

describe(formatDate.name, () => {
  it('should format a date without the time', () => {
    expect(formatDate('2026-03-05T12:00:00.000Z', 'en')).toBe('Mar 5, 2026');
  });
});
