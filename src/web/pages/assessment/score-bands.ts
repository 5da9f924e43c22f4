// Score bands for the distribution chart: a handful of equal, round-numbered bands covering every
// score, so a bar can be clicked to list the units in it. Pure, so it is tested without a browser.

/** One band: `from` ≤ score < `to`. */
export interface ScoreBand {
  from: number;
  to: number;
  count: number;
}

/** Round widths, smallest first; the first that needs no more than `maxBands` bands is used. */
const WIDTHS = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500];

/** Keeps band edges free of floating-point dust (0.1 + 0.2). */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Splits the scores into round bands; no scores, no bands. */
export function scoreBands(scores: readonly number[], maxBands = 10): ScoreBand[] {
  if (scores.length === 0) return [];
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  const width = WIDTHS.find((w) => Math.floor(max / w) - Math.floor(min / w) + 1 <= maxBands) ?? WIDTHS.at(-1) ?? 1;
  const first = Math.floor(min / width);
  const last = Math.floor(max / width);
  const bands: ScoreBand[] = [];
  for (let index = first; index <= last; index += 1) {
    bands.push({ from: round(index * width), to: round((index + 1) * width), count: 0 });
  }
  for (const score of scores) {
    const band = bands[Math.min(Math.floor(score / width) - first, bands.length - 1)];
    if (band) band.count += 1;
  }
  return bands;
}

/** True when the score falls in the band. */
export function isInBand(score: number, band: Pick<ScoreBand, 'from' | 'to'>): boolean {
  return score >= band.from && score < band.to;
}

/** "95–100", the band's name on the chart and in the filter. */
export function bandLabel(band: Pick<ScoreBand, 'from' | 'to'>): string {
  return `${band.from}–${band.to}`;
}
