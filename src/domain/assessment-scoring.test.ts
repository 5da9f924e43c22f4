import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_SCHEME, type ScoringScheme, scoringSchemeSchema } from '../shared/assessment-api.js';
import type { PeriodFacts, TaskFact } from './assessment-facts.js';
import { judgedDeadline, taskOutcome } from './assessment-occurrences.js';
import { readStoredScheme, schemeProblem } from './assessment-scheme.js';
import { canonicalScoring, rankScores, scorePeriod } from './assessment-scoring.js';
import { CHINA_HOLIDAY_SCHEDULES, expandSchedule } from './china-holidays.js';
import { buildWorkingCalendar } from './working-days.js';

// The scoring of a period, by hand: facts in, point lines and league tables out, in hundredths.

const calendar = buildWorkingCalendar(
  CHINA_HOLIDAY_SCHEDULES.flatMap(expandSchedule),
  CHINA_HOLIDAY_SCHEDULES.map((s) => s.year),
);
const window = { startsOn: '2026-09-14', endsOn: '2026-10-16', today: '2026-11-27' };

function task(fields: Partial<TaskFact> & { taskId: number }): TaskFact {
  return {
    units: [{ unitId: 1, role: 'lead' }],
    status: 'in_progress',
    assignedOn: '2026-09-01',
    deadline: null,
    originalDeadline: null,
    closedOn: null,
    light: null,
    lightOn: null,
    extensions: [],
    plan: null,
    ...fields,
  };
}

const facts = (partial: Partial<PeriodFacts>): PeriodFacts => ({
  tasks: [],
  reportSlots: [],
  events: [],
  instructions: [],
  ratings: [],
  ...partial,
});

const only = (ids: string[]): ScoringScheme => ({
  base: 100,
  floor: null,
  rules: DEFAULT_SCORING_SCHEME.rules.filter((rule) => ids.includes(rule.id)),
});

describe(scorePeriod.name, () => {
  it('should count lateness in working days across 国庆 and cap it per task', () => {
    // Due Sep 30, closed Oct 16: Oct 8, 9, 10 (make-up Saturday), 12–16 = 8 working days.
    // Lead: 8 × −0.2 = −1.6; cooperating 8 × −0.1 = −0.8 (cap 3 not reached).
    const units = [
      { unitId: 1, role: 'lead' as const },
      { unitId: 2, role: 'cooperating' as const },
    ];
    const closed = task({
      taskId: 7,
      units,
      status: 'closed',
      deadline: '2026-09-30',
      originalDeadline: '2026-09-30',
      closedOn: '2026-10-16',
    });
    const scoring = scorePeriod({
      facts: facts({ tasks: [closed] }),
      window,
      scheme: DEFAULT_SCORING_SCHEME,
      calendar,
    });
    expect(scoring.outcomes).toEqual([{ taskId: 7, outcome: 'done_late' }]);
    expect(scoring.points.map((p) => [p.unitId, p.ruleId, p.points])).toEqual([
      [1, 'completed_late', -160],
      [2, 'completed_late', -80],
    ]);
    // Open since Sep 1 with a deadline of Sep 1: far more than 10 working days → capped at −5.
    const open = task({ taskId: 8, deadline: '2026-09-01', originalDeadline: '2026-09-01' });
    const capped = scorePeriod({ facts: facts({ tasks: [open] }), window, scheme: DEFAULT_SCORING_SCHEME, calendar });
    expect(capped.points).toMatchObject([{ ruleId: 'open_overdue', points: -500, detail: { capped: true } }]);
  });

  it('should judge by the original deadline unless an extension was approved', () => {
    const moved = task({ taskId: 1, deadline: '2026-10-30', originalDeadline: '2026-10-13' });
    expect(judgedDeadline(moved)).toBe('2026-10-13');
    const extended = { ...moved, extensions: [{ id: 3, unitId: 1, decidedOn: '2026-10-01' }] };
    expect(judgedDeadline(extended)).toBe('2026-10-30');
    expect(taskOutcome({ ...extended, status: 'closed', closedOn: '2026-10-15' }, window)).toBe('done_on_time');
    expect(taskOutcome({ ...moved, status: 'closed', closedOn: '2026-10-15' }, window)).toBe('done_late');
    // Closed after the period: not done as of the period.
    expect(taskOutcome({ ...moved, status: 'closed', closedOn: '2026-10-17' }, window)).toBe('not_done');
  });

  it('should call a report missing only once its due date has passed', () => {
    const slots = [
      {
        slotId: 1,
        taskId: 1,
        unitId: 1,
        dueDate: '2026-10-09',
        reportId: null,
        submittedOn: null,
        lateWorkingDays: null,
      },
      {
        slotId: 2,
        taskId: 1,
        unitId: 1,
        dueDate: '2026-10-16',
        reportId: null,
        submittedOn: null,
        lateWorkingDays: null,
      },
      {
        slotId: 3,
        taskId: 1,
        unitId: 1,
        dueDate: '2026-09-30',
        reportId: 9,
        submittedOn: '2026-10-17',
        lateWorkingDays: 6,
      },
    ];
    const running = { ...window, today: '2026-10-16' };
    const scoring = scorePeriod({
      facts: facts({ tasks: [task({ taskId: 1 })], reportSlots: slots }),
      window: running,
      scheme: only(['report_missing', 'report_late']),
      calendar,
    });
    // Slot 2 is due today (not missing yet); slot 3's report came after the period: missing.
    expect(scoring.points.map((p) => [p.refId, p.ruleId, p.points])).toEqual([
      [1, 'report_missing', -100],
      [3, 'report_missing', -100],
    ]);
  });

  it('should score ratings by the average above or below 3, rounding half away from zero', () => {
    const ratings = [
      { id: 1, taskId: 1, unitId: 1, rating: 1, on: '2026-10-01' },
      { id: 2, taskId: 1, unitId: 1, rating: 2, on: '2026-10-02' },
      { id: 3, taskId: 1, unitId: 1, rating: 2, on: '2026-10-03' },
    ];
    // Average 5/3, minus 3 = −4/3; × 0.5 points = −0.6667 → −67 hundredths.
    const scoring = scorePeriod({
      facts: facts({ tasks: [task({ taskId: 1 })], ratings }),
      window,
      scheme: only(['quality_rating']),
      calendar,
    });
    expect(scoring.points).toMatchObject([
      { ruleId: 'quality_rating', points: -67, refId: 1, occurredOn: '2026-10-03', detail: { raters: 3 } },
    ]);
    expect(scoring.results).toMatchObject([{ unitId: 1, role: 'lead', score: 9933, rank: 1 }]);
  });

  it('should give the same canonical text whatever order the facts come in', () => {
    const tasks = [1, 2, 3].map((id) =>
      task({
        taskId: id,
        units: [{ unitId: id, role: 'lead' }],
        deadline: '2026-10-09',
        originalDeadline: '2026-10-09',
      }),
    );
    const one = scorePeriod({ facts: facts({ tasks }), window, scheme: DEFAULT_SCORING_SCHEME, calendar });
    const other = scorePeriod({
      facts: facts({ tasks: [...tasks].reverse() }),
      window,
      scheme: DEFAULT_SCORING_SCHEME,
      calendar,
    });
    expect(canonicalScoring(other)).toBe(canonicalScoring(one));
  });

  it('should stop a score at the floor (扣完为止) and keep every deduction in the breakdown', () => {
    // Base 10; every task open and overdue since Sep 1 costs the capped −5. Unit 1 has three
    // (10 − 15 = −5), unit 2 one (10 − 5 = 5), unit 3 four (10 − 20 = −10).
    const counts = [
      [1, 3],
      [2, 1],
      [3, 4],
    ] as const;
    let taskId = 0;
    const tasks = counts.flatMap(([unitId, count]) =>
      Array.from({ length: count }, () =>
        task({
          taskId: ++taskId,
          units: [{ unitId, role: 'lead' }],
          deadline: '2026-09-01',
          originalDeadline: '2026-09-01',
        }),
      ),
    );
    const scheme = { ...only(['open_overdue']), base: 10 };
    const score = (floor: number | null) =>
      scorePeriod({ facts: facts({ tasks }), window, scheme: { ...scheme, floor }, calendar });
    const floored = score(0);
    expect(floored.results.map((r) => [r.unitId, r.score, r.rank, r.breakdown[0]?.points])).toEqual([
      [2, 500, 1, -500],
      [1, 0, 2, -1500],
      [3, 0, 2, -2000],
    ]);
    // Every line stays: the explanation still shows all eight deductions.
    expect(floored.points).toHaveLength(8);
    expect(score(null).results.map((r) => [r.unitId, r.score, r.rank])).toEqual([
      [2, 500, 1],
      [1, -500, 2],
      [3, -1000, 3],
    ]);
    // A floor below every score changes nothing.
    expect(canonicalScoring(score(-50))).toBe(canonicalScoring(score(null)));
  });
});

describe(rankScores.name, () => {
  it('should share ranks between equal scores (1, 2, 2, 4), ties in unit id order', () => {
    const ranked = rankScores([
      { unitId: 9, score: 90 },
      { unitId: 4, score: 95 },
      { unitId: 3, score: 95 },
      { unitId: 1, score: 100 },
    ]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      [1, 1],
      [3, 2],
      [4, 2],
      [9, 4],
    ]);
  });
});

describe(schemeProblem.name, () => {
  it('should accept the default scheme and refuse a rule given twice', () => {
    expect(schemeProblem(DEFAULT_SCORING_SCHEME)).toBeNull();
    const [rule] = DEFAULT_SCORING_SCHEME.rules;
    if (!rule) throw new Error('no rule');
    expect(schemeProblem({ base: 100, floor: 0, rules: [rule, rule] })).toBe('duplicate rule completed_on_time');
  });

  it('should refuse a floor above the base', () => {
    expect(schemeProblem({ ...DEFAULT_SCORING_SCHEME, floor: 100 })).toBeNull();
    expect(schemeProblem({ ...DEFAULT_SCORING_SCHEME, floor: 100.5 })).toBe('floor 100.5 above base 100');
  });
});

describe(readStoredScheme.name, () => {
  it('should read a scheme stored before floors as no floor, and a new one without floor as 0', () => {
    const { floor: _floor, ...old } = DEFAULT_SCORING_SCHEME;
    expect(readStoredScheme(JSON.stringify(old)).floor).toBeNull();
    expect(readStoredScheme(JSON.stringify(DEFAULT_SCORING_SCHEME)).floor).toBe(0);
    expect(readStoredScheme(JSON.stringify({ ...old, floor: 20 })).floor).toBe(20);
    expect(scoringSchemeSchema.parse(old).floor).toBe(0);
  });
});
