import type { PeriodView } from '../../../shared/assessment-api.js';

// How scores and points read on the assessment screens: at most two decimals (the server keeps
// hundredths), and points always with their sign, so additions and deductions stand apart.

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat('en', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/** A score: "98.5". */
export function formatScore(value: number): string {
  return number.format(value);
}

/** Points with their sign: "+1", "-0.5", "0". */
export function formatPoints(value: number): string {
  return signed.format(value);
}

/** "2026-01-01 – 2026-06-30". */
export function formatPeriodDates(period: Pick<PeriodView, 'startsOn' | 'endsOn'>): string {
  return `${period.startsOn} – ${period.endsOn}`;
}

/** True once the period has scores to show. */
export function isComputed(period: Pick<PeriodView, 'computedAt'>): boolean {
  return period.computedAt !== null;
}
