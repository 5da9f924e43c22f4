import { CALENDAR_LIMITS, type CalendarDayKind } from '../shared/calendar.js';
import { type CalendarOverride, fromDayNumber } from './working-days.js';

// Reads a holiday calendar published as iCalendar (RFC 5545): the files people subscribe to in
// Outlook or Apple Calendar, and the ones the chinese-days package ships. Only all-day events
// (DTSTART;VALUE=DATE) are days off or on; timed, cancelled and repeating events are skipped.

/** Why a file was refused, and the line (1-based, as an editor shows it) where it went wrong. */
export class HolidayIcsError extends Error {
  constructor(
    readonly line: number,
    readonly problem: 'not_icalendar' | 'no_events' | 'bad_event',
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'HolidayIcsError';
  }
}

export interface HolidayIcsResult {
  /** One entry per date, in date order; a date named by two events takes the later one. */
  days: CalendarOverride[];
  events: number;
  skipped: number;
}

interface ContentLine {
  line: number;
  name: string;
  params: Map<string, string>;
  value: string;
}

/** Physical lines joined back into content lines (a line starting with a space or tab continues the previous). */
function unfold(text: string): ContentLine[] {
  const out: ContentLine[] = [];
  const physical = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < physical.length; index++) {
    let joined = physical[index] ?? '';
    const line = index + 1;
    while (index + 1 < physical.length && /^[ \t]/.test(physical[index + 1] ?? '')) {
      index += 1;
      joined += (physical[index] ?? '').slice(1);
    }
    if (joined.trim() !== '') out.push(parseContentLine(line, joined));
  }
  return out;
}

/** `NAME;PARAM=value;PARAM="quoted:value":the value`. */
function parseContentLine(line: number, text: string): ContentLine {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return { line, name: text.trim().toUpperCase(), params: new Map(), value: '' };
  const [name = '', ...rawParams] = text.slice(0, colon).split(';');
  const params = new Map<string, string>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq > 0) params.set(param.slice(0, eq).toUpperCase(), param.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  return { line, name: name.trim().toUpperCase(), params, value: text.slice(colon + 1) };
}

/** TEXT values escape `\\`, `\;`, `\,` and newlines. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_whole, char: string) => (char === 'n' || char === 'N' ? ' ' : char));
}

/** `20260214` as a day number, or undefined for a date-time or anything malformed. */
function dateValue(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, day);
  const date = new Date(at);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return at / 86_400_000;
}

/** `P3D`, `P1W`: the whole days of a DURATION, or undefined for anything with hours in it. */
function durationDays(value: string): number | undefined {
  const match = /^P(?:(\d+)W|(\d+)D)$/.exec(value.trim());
  if (!match) return undefined;
  return match[1] !== undefined ? Number(match[1]) * 7 : Number(match[2]);
}

const WORKDAY_SUMMARY = /班|work(?:ing)?\s*day/i;
const KIND_SUFFIX = /\s*[(（]\s*(?:休|假|班|补班|上班|holiday|day off|workday|working day)\s*[)）]\s*$/i;

/**
 * Holiday or make-up workday: Apple's X-APPLE-SPECIAL-DAY when present; otherwise a SUMMARY
 * mentioning 班 (上班, 补班, 调休上班) or "workday" is a working day and anything else a day off.
 */
function kindOf(props: Map<string, ContentLine>, summary: string): CalendarDayKind {
  const special = props.get('X-APPLE-SPECIAL-DAY')?.value.trim().toUpperCase();
  if (special === 'ALTERNATE-WORKDAY') return 'workday';
  if (special === 'WORK-HOLIDAY') return 'holiday';
  return WORKDAY_SUMMARY.test(summary) ? 'workday' : 'holiday';
}

/** The entry name: the SUMMARY without a trailing "(休)" or "(班)", which the kind already says. */
function nameOf(summary: string, kind: CalendarDayKind): string {
  const name = summary.replace(KIND_SUFFIX, '').trim().slice(0, CALENDAR_LIMITS.nameMax);
  if (name) return name;
  return kind === 'workday' ? '调休上班' : '节假日';
}

/** One VEVENT's days, or null when it is not an all-day event that counts. */
function eventDays(begin: number, props: Map<string, ContentLine>): CalendarOverride[] | null {
  const status = props.get('STATUS')?.value.trim().toUpperCase();
  const start = props.get('DTSTART');
  if (status === 'CANCELLED' || props.has('RRULE') || !start) return null;
  const isAllDay = start.params.get('VALUE')?.toUpperCase() === 'DATE' || /^\d{8}$/.test(start.value.trim());
  if (!isAllDay) return null;
  const first = dateValue(start.value);
  if (first === undefined) throw new HolidayIcsError(start.line, 'bad_event', `bad DTSTART ${start.value}`);
  const end = props.get('DTEND');
  const duration = props.get('DURATION');
  let endExclusive = first + 1;
  if (end) {
    const value = dateValue(end.value);
    if (value === undefined || value <= first)
      throw new HolidayIcsError(end.line, 'bad_event', `bad DTEND ${end.value}`);
    endExclusive = value;
  } else if (duration) {
    const days = durationDays(duration.value);
    if (!days) throw new HolidayIcsError(duration.line, 'bad_event', `bad DURATION ${duration.value}`);
    endExclusive = first + days;
  }
  if (endExclusive - first > CALENDAR_LIMITS.importMaxEventDays) {
    throw new HolidayIcsError(begin, 'bad_event', 'event longer than a holiday block can be');
  }
  const summary = unescapeText(props.get('SUMMARY')?.value ?? '').trim();
  const kind = kindOf(props, summary);
  const name = nameOf(summary, kind);
  const days: CalendarOverride[] = [];
  for (let day = first; day < endExclusive; day++) {
    const date = fromDayNumber(day);
    const year = Number(date.slice(0, 4));
    if (year < CALENDAR_LIMITS.yearMin || year > CALENDAR_LIMITS.yearMax) {
      throw new HolidayIcsError(start.line, 'bad_event', `year ${year} is out of range`);
    }
    days.push({ date, kind, name });
  }
  return days;
}

/**
 * Parses an iCalendar text into holiday calendar entries. A multi-day event becomes one entry per
 * date (DTEND is exclusive, as RFC 5545 says for dates). Throws HolidayIcsError for a file that is
 * not iCalendar, has no usable all-day event, or has an event whose dates cannot be read.
 */
export function parseHolidayIcs(text: string): HolidayIcsResult {
  const lines = unfold(text);
  if (!lines.some((l) => l.name === 'BEGIN' && l.value.trim().toUpperCase() === 'VCALENDAR')) {
    throw new HolidayIcsError(1, 'not_icalendar', 'no BEGIN:VCALENDAR');
  }
  const byDate = new Map<string, CalendarOverride>();
  let events = 0;
  let skipped = 0;
  let open: { line: number; props: Map<string, ContentLine>; depth: number } | null = null;
  for (const line of lines) {
    const component = line.value.trim().toUpperCase();
    if (!open) {
      if (line.name === 'BEGIN' && component === 'VEVENT') open = { line: line.line, props: new Map(), depth: 0 };
      continue;
    }
    if (line.name === 'BEGIN')
      open.depth += 1; // a VALARM inside the event: its lines are not the event's
    else if (line.name === 'END' && open.depth > 0) open.depth -= 1;
    else if (line.name === 'END' && component === 'VEVENT') {
      const days = eventDays(open.line, open.props);
      if (days) {
        events += 1;
        for (const day of days) byDate.set(day.date, day);
      } else skipped += 1;
      if (byDate.size > CALENDAR_LIMITS.importMaxDays) {
        throw new HolidayIcsError(line.line, 'bad_event', `more than ${CALENDAR_LIMITS.importMaxDays} dates`);
      }
      open = null;
    } else if (open.depth === 0 && !open.props.has(line.name)) open.props.set(line.name, line);
  }
  if (open) throw new HolidayIcsError(open.line, 'bad_event', 'BEGIN:VEVENT without END:VEVENT');
  if (events === 0) throw new HolidayIcsError(1, 'no_events', 'no all-day events');
  const days = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { days, events, skipped };
}
