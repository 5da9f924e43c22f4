import { BULLETIN_LIMITS, type BulletinLine, type OverdueRow, type RankingRow } from '../../shared/bulletins-api.js';
import type { BulletinTexts } from './bulletin-texts.js';

// The commendation and criticism lines of a generated bulletin, written from facts already read:
// the ends of the league table, published cases, exemplary practices and red overdue tasks.

/** One line, cut to the limit; `unitId` / `taskId` say whom it concerns. */
export const line = (text: string, unitId: number | null = null, taskId: number | null = null): BulletinLine => ({
  text: text.trim().slice(0, BULLETIN_LIMITS.lineMax),
  unitId,
  taskId,
});

interface CaseFact {
  kind: string;
  title: string;
  summary: string;
  unit_id: number | null;
  unit_name: string | null;
  task_id: number | null;
}

interface PracticeFact {
  task_id: number;
  number: string;
  title: string;
  lead_unit_id: number | null;
  unit_name: string | null;
  practices: string | null;
}

export interface JudgementFacts {
  texts: BulletinTexts;
  ranking: readonly RankingRow[];
  periodName: string;
  cases: readonly CaseFact[];
  practices: readonly PracticeFact[];
  /** Overdue rows of red tasks with no approved extension. */
  redOverdue: readonly OverdueRow[];
}

/** How many units at each end of the table are named: up to three, never overlapping. */
export function endsOf(rows: readonly RankingRow[]) {
  const n = Math.min(3, Math.floor(rows.length / 2));
  return { top: rows.slice(0, n), bottom: n ? rows.slice(rows.length - n) : [] };
}

/** Commendations (top units, exemplary cases, practices) and criticisms (bottom units, negative cases, red overdue). */
export function judgementLines(facts: JudgementFacts): { commendations: BulletinLine[]; criticisms: BulletinLine[] } {
  const { texts } = facts;
  const unit = (name: string | null) => name ?? texts.noUnit;
  const ranked = (row: RankingRow) => ({
    unit: row.unitName,
    period: facts.periodName,
    rank: row.rank,
    score: row.score.toFixed(2),
  });
  const caseLine = (c: CaseFact) => {
    const write = c.kind === 'exemplary' ? texts.exemplaryCase : texts.negativeCase;
    return line(write({ title: c.title, unit: unit(c.unit_name), summary: c.summary }), c.unit_id, c.task_id);
  };
  const { top, bottom } = endsOf(facts.ranking);
  const commendations = [
    ...top.map((row) => line(texts.topUnit(ranked(row)), row.unitId)),
    ...facts.cases.filter((c) => c.kind === 'exemplary').map(caseLine),
    ...facts.practices
      .filter((p) => p.practices?.trim())
      .map((p) =>
        line(
          texts.practice({ number: p.number, title: p.title, unit: unit(p.unit_name), practices: p.practices ?? '' }),
          p.lead_unit_id,
          p.task_id,
        ),
      ),
  ];
  const criticisms = [
    ...bottom.map((row) => line(texts.bottomUnit(ranked(row)), row.unitId)),
    ...facts.cases.filter((c) => c.kind === 'negative').map(caseLine),
    ...facts.redOverdue.map((row) =>
      line(
        texts.redOverdue({
          number: row.taskNumber,
          title: row.title,
          unit: unit(row.unitName),
          days: row.workingDaysOverdue,
        }),
        row.unitId,
        row.taskId,
      ),
    ),
  ];
  return {
    commendations: commendations.slice(0, BULLETIN_LIMITS.linesMax),
    criticisms: criticisms.slice(0, BULLETIN_LIMITS.linesMax),
  };
}
