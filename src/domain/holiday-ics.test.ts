import { describe, expect, it } from 'vitest';
import { HolidayIcsError, parseHolidayIcs } from './holiday-ics.js';

/** A calendar in the shape subscription feeds use (CRLF lines, a time zone block, folded long lines). */
function calendar(...events: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Luoshi tests//CN',
    'X-WR-CALNAME:中国节假日',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'END:STANDARD',
    'END:VTIMEZONE',
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function event(lines: string[]): string {
  return ['BEGIN:VEVENT', 'UID:test@luoshi', 'DTSTAMP:20251104T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
}

const springFestival2026 = calendar(
  event([
    'DTSTART;VALUE=DATE:20260215',
    'DTEND;VALUE=DATE:20260224',
    'SUMMARY:春节(休)',
    'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY',
  ]),
  event(['DTSTART;VALUE=DATE:20260214', 'DTEND;VALUE=DATE:20260215', 'SUMMARY:春节(班)']),
  event([
    'DTSTART;VALUE=DATE:20260228',
    'SUMMARY:春节调休上班',
    'X-APPLE-UNIVERSAL-ID:10e7255c32a5a6eb64c8dc755d95942792b97cbfe75ec26865309',
    ' f9c0308c322',
  ]),
);

describe(parseHolidayIcs.name, () => {
  it('should expand a multi-day event into each date, DTEND excluded', () => {
    const result = parseHolidayIcs(springFestival2026);
    const holidays = result.days.filter((d) => d.kind === 'holiday').map((d) => d.date);
    expect(holidays).toEqual([
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
    expect(result.events).toBe(3);
    expect(result.skipped).toBe(0);
  });

  it('should read 班 in the summary as a make-up workday and drop the (休)/(班) marker from names', () => {
    const { days } = parseHolidayIcs(springFestival2026);
    expect(days.find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', name: '春节' });
    expect(days.find((d) => d.date === '2026-02-28')).toEqual({
      date: '2026-02-28',
      kind: 'workday',
      name: '春节调休上班',
    });
    expect(days.find((d) => d.date === '2026-02-15')?.name).toBe('春节');
  });

  it('should prefer X-APPLE-SPECIAL-DAY and understand English feeds', () => {
    const { days } = parseHolidayIcs(
      calendar(
        event(['DTSTART;VALUE=DATE:20261010', 'SUMMARY:National Day(Workday)']),
        event(['DTSTART;VALUE=DATE:20260920', 'SUMMARY:国庆节', 'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY']),
        event(['DTSTART;VALUE=DATE:20261001', 'DURATION:P1W', 'SUMMARY:National Day(Holiday)']),
      ),
    );
    expect(days.filter((d) => d.kind === 'workday').map((d) => [d.date, d.name])).toEqual([
      ['2026-09-20', '国庆节'],
      ['2026-10-10', 'National Day'],
    ]);
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(7);
  });

  it('should skip timed, repeating and cancelled events but keep counting the rest', () => {
    const result = parseHolidayIcs(
      calendar(
        event(['DTSTART:20260301T090000', 'DTEND:20260301T100000', 'SUMMARY:会议']),
        event(['DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY', 'SUMMARY:元旦']),
        event(['DTSTART;VALUE=DATE:20260102', 'STATUS:CANCELLED', 'SUMMARY:取消']),
        event(['DTSTART;VALUE=DATE:20260101', 'SUMMARY:元旦\\, 新年']),
      ),
    );
    expect(result).toEqual({
      days: [{ date: '2026-01-01', kind: 'holiday', name: '元旦, 新年' }],
      events: 1,
      skipped: 3,
    });
  });

  it('should ignore the lines of an alarm inside an event', () => {
    const { days } = parseHolidayIcs(
      calendar(
        event([
          'DTSTART;VALUE=DATE:20260619',
          'DTEND;VALUE=DATE:20260622',
          'SUMMARY:端午节',
          'BEGIN:VALARM',
          'SUMMARY:提醒(班)',
          'END:VALARM',
        ]),
      ),
    );
    expect(days.map((d) => `${d.date} ${d.kind} ${d.name}`)).toEqual([
      '2026-06-19 holiday 端午节',
      '2026-06-20 holiday 端午节',
      '2026-06-21 holiday 端午节',
    ]);
  });

  it('should accept LF line endings and unquoted parameters in any case', () => {
    const text =
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\ndtstart;value=date:20270101\nSUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR\n';
    expect(parseHolidayIcs(text).days).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
  });

  function problemOf(text: string) {
    try {
      parseHolidayIcs(text);
    } catch (error) {
      if (error instanceof HolidayIcsError) return { problem: error.problem, line: error.line };
      throw error;
    }
    return null;
  }

  it('should refuse text that is not iCalendar', () => {
    expect(problemOf('日期,名称\n2026-02-15,春节\n')).toEqual({ problem: 'not_icalendar', line: 1 });
  });

  it('should refuse a calendar without any all-day event', () => {
    expect(problemOf(calendar())).toMatchObject({ problem: 'no_events' });
  });

  it('should point at the line of an impossible date or an end before the start', () => {
    const badStart = calendar(event(['DTSTART;VALUE=DATE:20260230', 'SUMMARY:x']));
    expect(problemOf(badStart)).toEqual({ problem: 'bad_event', line: 16 });
    const backwards = calendar(event(['DTSTART;VALUE=DATE:20260215', 'DTEND;VALUE=DATE:20260215', 'SUMMARY:x']));
    expect(problemOf(backwards)).toEqual({ problem: 'bad_event', line: 17 });
  });

  it('should refuse an event spanning more than a month and one that never ends', () => {
    const long = calendar(event(['DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20261231', 'SUMMARY:全年']));
    expect(problemOf(long)).toMatchObject({ problem: 'bad_event' });
    expect(problemOf('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\n')).toEqual({
      problem: 'bad_event',
      line: 2,
    });
  });

  it('should refuse years outside the calendar range', () => {
    expect(problemOf(calendar(event(['DTSTART;VALUE=DATE:19990101', 'SUMMARY:旧'])))).toMatchObject({
      problem: 'bad_event',
    });
  });
});
