const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: building one costs far more than using it, and every list row asks. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone (deadlines are local dates). */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  return Number.parseInt(date.slice(0, 4), 10);
}

/** Formats a per-year task number: `2026-0137` (at least four digits). */
export function taskNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, '0')}`;
}
