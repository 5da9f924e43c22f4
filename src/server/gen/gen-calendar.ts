/**
 * Day arithmetic for the generator: days are whole numbers (days since 1970-01-01), turned into
 * `YYYY-MM-DD` strings through a cache (a million tasks use only a few thousand distinct days).
 */
const DAY_MS = 86_400_000;
const dateCache = new Map<number, string>();

/** The day number of a `YYYY-MM-DD` date. */
export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` of a day number. */
export function dateOf(day: number): string {
  let text = dateCache.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateCache.set(day, text);
  }
  return text;
}

/**
 * An instant as an ISO string: local `day` plus `minuteOfDay` minutes, in a zone `offsetMinutes`
 * ahead of UTC (the generator takes the configured zone's offset once; DST shifts do not matter here).
 */
export function instantOf(day: number, minuteOfDay: number, offsetMinutes: number): string {
  return new Date(day * DAY_MS + (minuteOfDay - offsetMinutes) * 60_000).toISOString();
}

/** The offset of a time zone from UTC at an instant, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}
