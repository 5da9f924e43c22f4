/** Formats an ISO timestamp for people, in the UI language; empty input gives the fallback. */
export function formatDateTime(iso: string | null | undefined, locale: string, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return fallback;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A compact date and time for table cells ("2026/11/27 09:29"). */
export function formatShortDateTime(iso: string | null | undefined, locale: string, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return fallback;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(date);
}

/** Formats an ISO timestamp as a date only. */
export function formatDate(iso: string | null | undefined, locale: string, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return fallback;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
