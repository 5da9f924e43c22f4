import type { ReportCompare } from '../../api/reports.api.js';

/** A run of text in one column of the compare view; `marked` runs are only on that side. */
export interface DiffRun {
  text: string;
  marked: boolean;
}

/**
 * The two columns of a character diff (left → right): the left shows what both share and what
 * only it has (removed), the right what both share and what only it has (added).
 */
export function diffColumns(diff: ReportCompare['diff']): { left: DiffRun[]; right: DiffRun[] } {
  const left: DiffRun[] = [];
  const right: DiffRun[] = [];
  for (const part of diff) {
    if (!part.added) left.push({ text: part.value, marked: part.removed });
    if (!part.removed) right.push({ text: part.value, marked: part.added });
  }
  return { left, right };
}

/** How much of a column's text is marked (0–1), to say "差异 12%" beside it. */
export function markedShare(runs: readonly DiffRun[]): number {
  const total = runs.reduce((sum, run) => sum + run.text.length, 0);
  if (total === 0) return 0;
  return runs.reduce((sum, run) => sum + (run.marked ? run.text.length : 0), 0) / total;
}
