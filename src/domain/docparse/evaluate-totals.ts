// Totals over a corpus (issue 6 item 7): scores of documents added up, and the ratios the
// evaluation test holds to its floors and docs/import.md reports.
import type { DocumentScore, Tally } from './evaluate.js';

/** Scores of several documents added up (micro-averages: every item weighs the same). */
export function addScores(scores: readonly DocumentScore[]): DocumentScore {
  const add = (pick: (s: DocumentScore) => Tally): Tally => ({
    correct: scores.reduce((n, s) => n + pick(s).correct, 0),
    total: scores.reduce((n, s) => n + pick(s).total, 0),
  });
  return {
    expected: scores.reduce((n, s) => n + s.expected, 0),
    predicted: scores.reduce((n, s) => n + s.predicted, 0),
    matched: scores.reduce((n, s) => n + s.matched, 0),
    units: add((s) => s.units),
    deadlinePhrase: add((s) => s.deadlinePhrase),
    deadlineIso: add((s) => s.deadlineIso),
    year: add((s) => s.year),
    mismatches: scores.flatMap((s) => s.mismatches),
  };
}

/** A tally as a ratio; an empty tally (nothing to get wrong) is 1. */
export function ratio(t: Tally): number {
  return t.total === 0 ? 1 : t.correct / t.total;
}

/** Item precision and recall of a score. */
export function precisionRecall(score: DocumentScore): { precision: number; recall: number } {
  return {
    precision: score.predicted === 0 ? 1 : score.matched / score.predicted,
    recall: score.expected === 0 ? 1 : score.matched / score.expected,
  };
}
