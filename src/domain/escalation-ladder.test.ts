import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../shared/tasks.js';
import { CHINA_HOLIDAY_SCHEDULES, expandSchedule } from './china-holidays.js';
import {
  DEFAULT_LADDER,
  type DueLadderAction,
  dueLadderActions,
  type LadderFacts,
  type LadderRule,
  validateLadderRules,
} from './escalation-ladder.js';
import { addWorkingDays, buildWorkingCalendar, fromDayNumber, toDayNumber } from './working-days.js';

const china = buildWorkingCalendar(
  CHINA_HOLIDAY_SCHEDULES.flatMap(expandSchedule),
  CHINA_HOLIDAY_SCHEDULES.map((schedule) => schedule.year),
);

function buildFacts(overrides: Partial<LadderFacts> = {}): LadderFacts {
  return {
    status: 'in_progress',
    deadline: null,
    assignedOn: '2026-01-05',
    acknowledged: true,
    missingReports: [],
    stalled: false,
    stalledSince: null,
    unansweredInstructions: [],
    ...overrides,
  };
}

const due = (facts: Partial<LadderFacts>, today: string, rules: readonly LadderRule[] = DEFAULT_LADDER) =>
  dueLadderActions(rules, buildFacts(facts), today, china);

const keys = (actions: DueLadderAction[]) => actions.map((action) => action.occurrenceKey);

/** Runs one sweep per calendar day and records the day each occurrence key was first produced. */
function sweepDaily(facts: Partial<LadderFacts>, from: string, to: string): Map<string, string> {
  const firstSeen = new Map<string, string>();
  for (let day = toDayNumber(from); day <= toDayNumber(to); day++) {
    const today = fromDayNumber(day);
    for (const action of due(facts, today))
      if (!firstSeen.has(action.occurrenceKey)) firstSeen.set(action.occurrenceKey, today);
  }
  return firstSeen;
}

describe(dueLadderActions.name, () => {
  it.each<[string, string, Array<[string, string]>]>([
    [
      'deadline Wednesday 30 September 2026, before the Mid-Autumn and National Day blocks',
      '2026-09-30',
      [
        ['deadline-reminder:2026-09-30', '2026-09-24'], // 25–27 Sept off: three working days back is Thursday
        ['overdue-urge:2026-09-30', '2026-10-08'], // 1–7 October off
        ['overdue-notice:2026-09-30', '2026-10-14'], // Saturday 10 October is a make-up working day
        ['overdue-interview:2026-09-30', '2026-10-21'],
        ['overdue-accountability:2026-09-30', '2026-11-04'], // the 21st overdue working day
      ],
    ],
    [
      'deadline Friday 13 February 2026, on the eve of the Spring Festival',
      '2026-02-13',
      [
        ['deadline-reminder:2026-02-13', '2026-02-10'],
        ['overdue-urge:2026-02-13', '2026-02-14'], // the make-up Saturday is the first overdue day
        ['overdue-notice:2026-02-13', '2026-02-28'], // 15–23 February off, Saturday 28 worked
        ['overdue-interview:2026-02-13', '2026-03-06'],
        ['overdue-accountability:2026-02-13', '2026-03-20'],
      ],
    ],
    [
      'deadline Wednesday 25 February 2026, just after the Spring Festival',
      '2026-02-25',
      [
        ['deadline-reminder:2026-02-25', '2026-02-13'], // counts back over the holiday
        ['overdue-urge:2026-02-25', '2026-02-26'],
        ['overdue-notice:2026-02-25', '2026-03-04'],
        ['overdue-interview:2026-02-25', '2026-03-11'],
        ['overdue-accountability:2026-02-25', '2026-03-25'],
      ],
    ],
  ])('should fire the deadline rungs on working days: %s', (_name, deadline, expected) => {
    const firstSeen = sweepDaily({ deadline }, '2026-01-05', '2026-12-31');
    expect([...firstSeen]).toEqual(expected);
    for (const [key, dueOn] of expected) {
      const action = due({ deadline }, dueOn).find((candidate) => candidate.occurrenceKey === key);
      expect(action?.dueOn, key).toBe(dueOn);
    }
  });

  it('should produce every missed occurrence once when the sweep resumes after days down', () => {
    const actions = due({ deadline: '2026-09-30' }, '2026-10-22');
    expect(actions.map((action) => [action.occurrenceKey, action.action, action.dueOn])).toEqual([
      ['overdue-urge:2026-09-30', 'urge', '2026-10-08'],
      ['overdue-notice:2026-09-30', 'notice', '2026-10-14'],
      ['overdue-interview:2026-09-30', 'interview_proposal', '2026-10-21'],
    ]);
    expect(new Set(keys(actions)).size).toBe(actions.length);
  });

  it('should count overdue working days for messages', () => {
    const [urge] = due({ deadline: '2026-09-30' }, '2026-10-08');
    expect(urge).toMatchObject({ anchorDate: '2026-09-30', workingDaysSinceAnchor: 1 });
    const notice = due({ deadline: '2026-09-30' }, '2026-10-14').find((action) => action.action === 'notice');
    expect(notice?.workingDaysSinceAnchor).toBe(6);
  });

  it('should count working days left before the deadline as a negative number', () => {
    const [reminder] = due({ deadline: '2026-09-30' }, '2026-09-24');
    expect(reminder).toMatchObject({ action: 'reminder', recipients: ['responsible_person'] });
    expect(reminder?.workingDaysSinceAnchor).toBe(-3);
  });

  it('should make an extended deadline a new occurrence and forget the old one', () => {
    expect(keys(due({ deadline: '2026-09-30' }, '2026-10-09'))).toEqual(['overdue-urge:2026-09-30']);
    expect(due({ deadline: '2026-10-30' }, '2026-10-26')).toEqual([]);
    expect(keys(due({ deadline: '2026-10-30' }, '2026-10-27'))).toEqual(['deadline-reminder:2026-10-30']);
    expect(keys(due({ deadline: '2026-10-30' }, '2026-11-02'))).toEqual(['overdue-urge:2026-10-30']);
  });

  it('should drop the pre-deadline reminder once the deadline has passed', () => {
    expect(keys(due({ deadline: '2026-09-30' }, '2026-09-30'))).toEqual(['deadline-reminder:2026-09-30']);
    expect(keys(due({ deadline: '2026-09-30' }, '2026-10-01'))).toEqual([]);
  });

  it('should remind a task assigned inside the reminder window on the day it is assigned', () => {
    const actions = due({ deadline: '2026-09-30', assignedOn: '2026-09-28' }, '2026-09-28');
    expect(actions.map((action) => [action.occurrenceKey, action.dueOn])).toEqual([
      ['deadline-reminder:2026-09-30', '2026-09-28'],
    ]);
  });

  it('should produce no deadline actions for a task without a deadline', () => {
    expect(due({ deadline: null }, '2026-12-31')).toEqual([]);
  });

  it('should urge a missing report after two late working days, once per period', () => {
    const missingReports = [
      { periodEnd: '2026-08-31', dueDate: '2026-09-03' },
      { periodEnd: '2026-09-30', dueDate: '2026-10-10' },
    ];
    expect(keys(due({ missingReports }, '2026-10-13'))).toEqual(['report-missing-urge:2026-08-31']);
    const actions = due({ missingReports }, '2026-10-14');
    expect(actions.map((action) => [action.occurrenceKey, action.dueOn, action.workingDaysSinceAnchor])).toEqual([
      ['report-missing-urge:2026-08-31', '2026-09-08', 25],
      ['report-missing-urge:2026-09-30', '2026-10-14', 3],
    ]);
  });

  it('should remind an unacknowledged task after the two-working-day allowance, across the Spring Festival', () => {
    const facts = { assignedOn: '2026-02-13', acknowledged: false };
    expect(due(facts, '2026-02-24')).toEqual([]);
    expect(due(facts, '2026-02-25').map((action) => [action.occurrenceKey, action.dueOn])).toEqual([
      ['unacknowledged-reminder:2026-02-13', '2026-02-25'],
    ]);
    expect(due({ ...facts, acknowledged: true }, '2026-02-25')).toEqual([]);
  });

  it('should urge an unanswered instruction on the first working day past its due date (Qingming)', () => {
    const unansweredInstructions = [{ id: 'ins-1', dueDate: '2026-04-03' }];
    expect(due({ unansweredInstructions }, '2026-04-06')).toEqual([]);
    expect(due({ unansweredInstructions }, '2026-04-07')).toMatchObject([
      { occurrenceKey: 'instruction-urge:ins-1', action: 'urge', recipients: ['unit_head'], dueOn: '2026-04-07' },
    ]);
  });

  it('should tell supervisors of a stall once, on the first working day of it', () => {
    const facts = { stalled: true, stalledSince: '2026-05-02' };
    expect(due(facts, '2026-05-05')).toEqual([]);
    expect(due(facts, '2026-05-06').map((action) => [action.occurrenceKey, action.dueOn])).toEqual([
      ['stalled-reminder:2026-05-02', '2026-05-06'],
    ]);
    expect(due({ ...facts, stalled: false }, '2026-05-06')).toEqual([]);
  });

  it.each<TaskStatus>(['draft', 'suspended', 'closed', 'cancelled'])(
    'should produce nothing for a %s task',
    (status) => {
      const facts = {
        status,
        deadline: '2026-09-30',
        acknowledged: false,
        unansweredInstructions: [{ id: 'ins-1', dueDate: '2026-09-01' }],
      };
      expect(due(facts, '2026-12-31')).toEqual([]);
    },
  );

  it.each<TaskStatus>(['assigned', 'in_progress', 'returned'])('should apply every rule to a %s task', (status) => {
    expect(keys(due({ status, deadline: '2026-09-30' }, '2026-10-08'))).toEqual(['overdue-urge:2026-09-30']);
  });

  it('should apply only instruction rules while closure is requested', () => {
    const facts = {
      status: 'closure_requested' as const,
      deadline: '2026-09-30',
      unansweredInstructions: [{ id: 'ins-7', dueDate: '2026-10-09' }],
    };
    expect(keys(due(facts, '2026-10-30'))).toEqual(['instruction-urge:ins-7']);
  });

  it('should skip rules that are not enabled', () => {
    const rules = DEFAULT_LADDER.map((rule) => ({ ...rule, enabled: rule.id !== 'overdue-notice' }));
    expect(keys(due({ deadline: '2026-09-30' }, '2026-10-22', rules))).toEqual([
      'overdue-urge:2026-09-30',
      'overdue-interview:2026-09-30',
    ]);
  });

  it('should fire a custom rule on the deadline day itself when it counts 0 days before', () => {
    const rules: LadderRule[] = [
      {
        id: 'due-today',
        trigger: { kind: 'before_deadline', workingDays: 0 },
        action: 'reminder',
        recipients: ['unit_staff'],
        enabled: true,
      },
    ];
    expect(due({ deadline: '2026-09-30' }, '2026-09-29', rules)).toEqual([]);
    expect(keys(due({ deadline: '2026-09-30' }, '2026-09-30', rules))).toEqual(['due-today:2026-09-30']);
  });

  it('should agree with addWorkingDays for every overdue rung', () => {
    const notice = due({ deadline: '2026-02-13' }, '2026-12-31').find((action) => action.action === 'notice');
    expect(notice?.dueOn).toBe(addWorkingDays(china, '2026-02-13', 6));
  });
});

describe(validateLadderRules.name, () => {
  const valid: LadderRule = {
    id: 'r1',
    trigger: { kind: 'after_deadline', workingDays: 1 },
    action: 'urge',
    recipients: ['unit_head'],
    enabled: true,
  };

  it('should accept the default ladder, whose ids are stable', () => {
    expect(validateLadderRules(DEFAULT_LADDER)).toEqual([]);
    expect(DEFAULT_LADDER.map((rule) => rule.id)).toEqual([
      'deadline-reminder',
      'overdue-urge',
      'overdue-notice',
      'overdue-interview',
      'overdue-accountability',
      'report-missing-urge',
      'unacknowledged-reminder',
      'instruction-urge',
      'stalled-reminder',
    ]);
  });

  it.each<[string, LadderRule[], Array<[number, string, string]>]>([
    ['a duplicate id', [valid, { ...valid }], [[1, 'duplicate_id', 'id']]],
    ['an empty id', [{ ...valid, id: ' ' }], [[0, 'empty_id', 'id']]],
    [
      'negative days',
      [{ ...valid, trigger: { kind: 'report_missing', workingDays: -1 } }],
      [[0, 'invalid_working_days', 'trigger.workingDays']],
    ],
    [
      'fractional days',
      [{ ...valid, trigger: { kind: 'unacknowledged', workingDays: 1.5 } }],
      [[0, 'invalid_working_days', 'trigger.workingDays']],
    ],
    ['no recipients', [{ ...valid, recipients: [] }], [[0, 'no_recipients', 'recipients']]],
    [
      'a recipient twice',
      [{ ...valid, recipients: ['unit_head', 'unit_head'] }],
      [[0, 'duplicate_recipient', 'recipients']],
    ],
  ])('should report %s', (_name, rules, expected) => {
    const problems = validateLadderRules(rules);
    expect(problems.map((problem) => [problem.index, problem.code, problem.field])).toEqual(expected);
  });

  it('should accept a stalled rule, which has no days', () => {
    expect(validateLadderRules([{ ...valid, trigger: { kind: 'stalled' } }])).toEqual([]);
  });
});
