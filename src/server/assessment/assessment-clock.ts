import { localDate } from '../../domain/dates.js';
import { fromDayNumber, toDayNumber } from '../../domain/working-days.js';

// Periods are local dates in the organisation's time zone; facts are UTC instants. These turn one
// into the other, with a small cache: a period's facts are hundreds of thousands of instants, and
// formatting each through Intl costs far more than a map lookup per minute of the day.

/**
 * The local date of an ISO instant (or null). Cached per UTC hour: within an hour the local date
 * only changes where the zone's midnight falls inside it (zones off by 30 or 45 minutes), and those
 * hours are marked and answered minute by minute.
 */
export function localDayReader(timeZone: string): (instant: string | null) => string | null {
  const hours = new Map<string, string | null>();
  const minutes = new Map<string, string>();
  const exact = (instant: string) => {
    const key = instant.slice(0, 16);
    let day = minutes.get(key);
    if (day === undefined) {
      day = localDate(new Date(instant), timeZone);
      minutes.set(key, day);
    }
    return day;
  };
  return (instant) => {
    if (instant === null) return null;
    const hour = instant.slice(0, 13);
    let day = hours.get(hour);
    if (day === undefined) {
      const first = localDate(new Date(`${hour}:00:00.000Z`), timeZone);
      const last = localDate(new Date(`${hour}:59:59.999Z`), timeZone);
      day = first === last ? first : null;
      hours.set(hour, day);
    }
    return day ?? exact(instant);
  };
}

/** The UTC instant (ISO) at which the local date `day` begins in the time zone. */
export function startOfLocalDay(day: string, timeZone: string): string {
  const midnightUtc = toDayNumber(day) * 86_400_000;
  // The zone's offset at that moment, read back from how Intl shows it; one correction suffices
  // except across a daylight-saving change at midnight, which China does not have.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(midnightUtc));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(midnightUtc - (shown - midnightUtc)).toISOString();
}

/** The UTC instants bounding a period's local dates: [start of startsOn, start of the day after endsOn). */
export function periodInstants(startsOn: string, endsOn: string, timeZone: string): { from: string; until: string } {
  return {
    from: startOfLocalDay(startsOn, timeZone),
    until: startOfLocalDay(fromDayNumber(toDayNumber(endsOn) + 1), timeZone),
  };
}
