import { describe, expect, it } from 'vitest';
import { CHINA_HOLIDAY_SCHEDULES, expandSchedule } from './china-holidays.js';
import {
  assessHealth,
  DEFAULT_HEALTH_SETTINGS,
  forecastCompletion,
  type HealthFacts,
  planExpectedProgress,
  trajectory,
} from './task-health.js';
import { addWorkingDays, buildWorkingCalendar } from './working-days.js';

// 2026 in mainland China: 中秋节 25–27 September, 国庆节 1–7 October, make-up workdays Sunday
// 20 September and Saturday 10 October — the timelines below cross them on purpose.
const china = buildWorkingCalendar(
  CHINA_HOLIDAY_SCHEDULES.flatMap(expandSchedule),
  CHINA_HOLIDAY_SCHEDULES.map((schedule) => schedule.year),
);

const base: HealthFacts = {
  status: 'in_progress',
  deadline: '2026-12-31',
  startDate: '2026-09-01',
  assignedOn: '2026-09-01',
  progress: 50,
  acknowledged: true,
  missingReport: null,
  stalled: false,
  stalledSince: null,
  plannedQuarters: [],
  reports: [],
};
const health = (facts: Partial<HealthFacts>, today: string) => assessHealth({ ...base, ...facts }, today, china);

describe(assessHealth.name, () => {
  it.each(['draft', 'suspended', 'closed', 'cancelled'])('should give a %s task no light', (status) => {
    expect(health({ status }, '2026-10-09')).toBeNull();
  });

  it('should be green with no reasons when on track', () => {
    expect(health({ progress: 30 }, '2026-10-09')).toMatchObject({
      light: 'green',
      reasons: [],
      flags: { overdue: false, stalled: false, reportMissing: false, unacknowledged: false },
    });
  });

  it.each([
    // deadline Wed 30 Sep; 1–7 Oct are holidays; Thu 8, Fri 9 and the make-up Sat 10 are working days
    ['2026-10-01', 0],
    ['2026-10-07', 0],
    ['2026-10-08', 1],
    ['2026-10-09', 2],
    ['2026-10-10', 3],
    ['2026-10-11', 3],
    ['2026-10-12', 4],
  ])('should count a task due 30 September as overdue by working days on %s', (today, days) => {
    const result = health({ deadline: '2026-09-30', progress: 80 }, today);
    expect(result?.light).toBe('red');
    expect(result?.flags.overdue).toBe(true);
    expect(result?.reasons).toContainEqual({ code: 'overdue', severity: 'red', workingDays: Math.max(1, days) });
  });

  it('should not call a task overdue on its deadline day, nor one whose closure is requested', () => {
    expect(health({ deadline: '2026-10-09' }, '2026-10-09')?.flags.overdue).toBe(false);
    const waiting = health({ status: 'closure_requested', deadline: '2026-09-30' }, '2026-10-12');
    expect(waiting).toMatchObject({ light: 'green', flags: { overdue: false } });
  });

  it.each([
    // due Wed 4 Nov: Thu 5, Fri 6 → 2 working days (amber); by Fri 13 → 7 (red beyond 5)
    ['2026-11-04', null],
    ['2026-11-06', { severity: 'amber', workingDays: 2 }],
    ['2026-11-11', { severity: 'amber', workingDays: 5 }],
    ['2026-11-12', { severity: 'red', workingDays: 6 }],
    ['2026-11-13', { severity: 'red', workingDays: 7 }],
  ] as const)('should mark a report due 4 November as missing on %s', (today, expected) => {
    const result = health({ missingReport: { periodEnd: '2026-10-31', dueDate: '2026-11-04' }, progress: 60 }, today);
    if (expected === null) {
      expect(result?.flags.reportMissing).toBe(false);
      return;
    }
    expect(result?.flags.reportMissing).toBe(true);
    expect(result?.light).toBe(expected.severity);
    expect(result?.reasons).toContainEqual({ code: 'report_missing', periodEnd: '2026-10-31', ...expected });
  });

  it.each([
    // Q3 40 %, Q4 100 %: on 15 November the plan expects 40 + 60 × 46/92 = 70 %
    [35, { code: 'behind_plan', severity: 'red', points: 35, expected: 70 }],
    [40, { code: 'behind_plan', severity: 'amber', points: 30, expected: 70 }],
    [60, { code: 'behind_plan', severity: 'amber', points: 10, expected: 70 }],
    [61, null],
  ] as const)('should compare progress %s with the plan’s 形象进度', (progress, reason) => {
    const plannedQuarters = [
      { quarter: '2026-Q4', percent: 100 },
      { quarter: '2026-Q3', percent: 40 },
    ];
    const result = health({ progress, plannedQuarters }, '2026-11-15');
    const behind = result?.reasons.filter((r) => r.code === 'behind_plan') ?? [];
    expect(behind).toEqual(reason ? [reason] : []);
  });

  it('should turn amber near the deadline when below 序时进度, counting working days across the holidays', () => {
    // 1 Sep → 16 Oct: 29 working days; by Mon 12 Oct 25 have passed (86.2 %); 4 are left
    const result = health({ deadline: '2026-10-16', progress: 60 }, '2026-10-12');
    expect(result?.light).toBe('amber');
    expect(result?.expectedProgress).toBe(86.2);
    expect(result?.reasons).toEqual([
      { code: 'behind_trajectory', severity: 'amber', points: 26.2, expected: 86.2, workingDaysLeft: 4 },
    ]);
    expect(health({ deadline: '2026-10-16', progress: 90 }, '2026-10-12')?.light).toBe('green');
    // Exactly five working days left (Tue 13 → Mon 19) still counts; six do not.
    const five = health({ deadline: '2026-10-19', progress: 10 }, '2026-10-12');
    expect(five?.reasons).toEqual([expect.objectContaining({ code: 'behind_trajectory', workingDaysLeft: 5 })]);
    expect(health({ deadline: '2026-10-20', progress: 10 }, '2026-10-12')?.light).toBe('green');
    // Far from the deadline, being behind the straight line alone is not a reason.
    expect(health({ deadline: '2026-12-31', progress: 1 }, '2026-10-12')?.light).toBe('green');
  });

  it('should turn a stalled task amber, and say since when', () => {
    expect(health({ stalled: true, stalledSince: '2026-10-31' }, '2026-11-20')).toMatchObject({
      light: 'amber',
      flags: { stalled: true },
      reasons: [{ code: 'stalled', severity: 'amber', since: '2026-10-31' }],
    });
  });

  it('should forecast completion from the recent reports and warn before the task is late', () => {
    // 31 Aug 20 % → 30 Sep 42 %: 22 working days, 1 point a day; from 42 % on 9 Oct, 58 more days
    const reports = [
      { on: '2026-09-30', percent: 42 },
      { on: '2026-08-31', percent: 20 },
    ];
    const forecast = addWorkingDays(china, '2026-10-09', 58);
    const late = health({ reports, progress: 42, deadline: '2026-12-01' }, '2026-10-09');
    expect(late?.forecast).toBe(forecast);
    expect(late?.light).toBe('amber');
    expect(late?.reasons).toEqual([expect.objectContaining({ code: 'forecast_late', severity: 'amber', forecast })]);
    expect(health({ reports, progress: 42, deadline: '2027-06-30' }, '2026-10-09')?.light).toBe('green');
  });

  it('should flag an assignment not acknowledged within the working days allowed', () => {
    const facts = { status: 'assigned', acknowledged: false, assignedOn: '2026-09-30', progress: 0 };
    expect(health(facts, '2026-10-09')?.flags.unacknowledged).toBe(false); // Thu 8, Fri 9: 2 days
    expect(health(facts, '2026-10-10')).toMatchObject({
      light: 'amber',
      flags: { unacknowledged: true },
      reasons: [{ code: 'unacknowledged', severity: 'amber', workingDays: 3 }],
    });
  });

  it('should show the most severe reason as the light and keep every reason', () => {
    const result = health({ deadline: '2026-09-30', stalled: true, stalledSince: '2026-09-15' }, '2026-10-12');
    expect(result?.light).toBe('red');
    expect(result?.reasons.map((r) => r.code)).toEqual(['overdue', 'stalled']);
  });

  it('should take its thresholds from the settings', () => {
    const facts = { ...base, missingReport: { periodEnd: '2026-10-31', dueDate: '2026-11-04' } };
    const strict = { ...DEFAULT_HEALTH_SETTINGS, missingReportRedWorkingDays: 1 };
    expect(assessHealth(facts, '2026-11-06', china, strict)?.light).toBe('red');
    expect(assessHealth(facts, '2026-11-06', china)?.light).toBe('amber');
  });
});

describe(trajectory.name, () => {
  it('should run from 0 at the start to 100 at the deadline in working days', () => {
    expect(trajectory(china, '2026-09-01', '2026-10-16', '2026-08-20')).toBe(0);
    expect(trajectory(china, '2026-09-01', '2026-10-16', '2026-10-05')).toBe(
      trajectory(china, '2026-09-01', '2026-10-16', '2026-09-30'),
    );
    expect(trajectory(china, '2026-09-01', '2026-10-16', '2026-10-16')).toBe(100);
    expect(trajectory(china, '2026-09-01', '2026-10-16', '2026-11-01')).toBe(100);
  });

  it('should be 100 once the deadline has passed even when the task was assigned after it', () => {
    expect(trajectory(china, '2026-11-27', '2026-11-24', '2026-11-27')).toBe(100);
  });
});

describe(planExpectedProgress.name, () => {
  it('should follow straight lines between quarter ends and stay at the last figure after', () => {
    const quarters = [
      { quarter: '2026-Q1', percent: 20 },
      { quarter: '2026-Q2', percent: 50 },
    ];
    expect(planExpectedProgress([], '2026-05-01')).toBeNull();
    expect(planExpectedProgress(quarters, '2025-12-31')).toBe(0);
    expect(planExpectedProgress(quarters, '2026-03-31')).toBe(20);
    expect(planExpectedProgress(quarters, '2026-06-30')).toBe(50);
    expect(planExpectedProgress(quarters, '2026-09-01')).toBe(50);
    const mid = planExpectedProgress(quarters, '2026-05-15') as number;
    expect(mid).toBeGreaterThan(20);
    expect(mid).toBeLessThan(50);
  });
});

describe(forecastCompletion.name, () => {
  it('should give no forecast from one report, a flat or falling pace, or a finished task', () => {
    expect(forecastCompletion([{ on: '2026-09-30', percent: 40 }], 40, '2026-10-09', china, 4)).toBeNull();
    const flat = [
      { on: '2026-08-31', percent: 40 },
      { on: '2026-09-30', percent: 40 },
    ];
    expect(forecastCompletion(flat, 40, '2026-10-09', china, 4)).toBeNull();
    const rising = [
      { on: '2026-08-31', percent: 20 },
      { on: '2026-09-30', percent: 42 },
    ];
    expect(forecastCompletion(rising, 100, '2026-10-09', china, 4)).toBeNull();
  });

  it('should use only the latest reports', () => {
    const reports = [
      { on: '2026-06-30', percent: 0 },
      { on: '2026-07-31', percent: 2 },
      { on: '2026-08-31', percent: 20 },
      { on: '2026-09-30', percent: 42 },
    ];
    expect(forecastCompletion([...reports], 42, '2026-10-09', china, 2)).toBe(addWorkingDays(china, '2026-10-09', 58));
    expect(forecastCompletion([...reports], 42, '2026-10-09', china, 4)).not.toBe(
      addWorkingDays(china, '2026-10-09', 58),
    );
  });
});
