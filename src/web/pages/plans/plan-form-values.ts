import dayjs, { type Dayjs } from 'dayjs';
import type {
  PlanContent,
  PlanContentInput,
  PlanPartContent,
  PlanPartContentInput,
  ProgressBasis,
} from '../../../shared/plans-api.js';

// The plan editor's values and their conversion to and from the API's content. Names match the
// API's field paths (`milestones.2.date`), so the server's errors land on the right inputs.

export interface TargetValues {
  id?: string;
  name?: string;
  measureUnit?: string;
  baseline?: number | null;
  targetValue?: number | null;
  dueDate?: Dayjs | null;
}

export interface StepValues {
  id?: string;
  text?: string;
  ownerUnitId?: number | null;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
}

export interface MilestoneValues {
  id?: string;
  date?: Dayjs | null;
  deliverable?: string;
  evidenceRequired?: boolean;
}

export interface QuarterValues {
  quarter?: string | null;
  percent?: number | null;
}

export interface PlanFormValues {
  targets: TargetValues[];
  steps: StepValues[];
  milestones: MilestoneValues[];
  expectedProgress: QuarterValues[];
  progressBasis: ProgressBasis;
}

export interface PartFormValues {
  text: string;
  steps: Array<Omit<StepValues, 'ownerUnitId'>>;
}

/**
 * The editor's fields by list, for placing the API's field errors: `targets.0.name` lands on an
 * input, `targets.0.id` or `targets` (the list as a whole) do not, and go above the form instead.
 */
export const PLAN_FORM_FIELDS: Readonly<Record<string, readonly string[] | null>> = {
  targets: ['name', 'measureUnit', 'baseline', 'targetValue', 'dueDate'],
  steps: ['text', 'ownerUnitId', 'startDate', 'endDate'],
  milestones: ['date', 'deliverable', 'evidenceRequired'],
  expectedProgress: ['quarter', 'percent'],
  progressBasis: null,
};

export const PART_FORM_FIELDS: Readonly<Record<string, readonly string[] | null>> = {
  text: null,
  steps: ['text', 'startDate', 'endDate'],
};

const toDay = (value: string | null | undefined): Dayjs | null => (value ? dayjs(value) : null);
const fromDay = (value: Dayjs | null | undefined): string | null => (value ? value.format('YYYY-MM-DD') : null);

/** A new plan starts with one empty target and one empty milestone, counted by reports. */
export function emptyPlanForm(): PlanFormValues {
  return {
    targets: [{ measureUnit: '' }],
    steps: [],
    milestones: [{ evidenceRequired: false }],
    expectedProgress: [],
    progressBasis: 'reports',
  };
}

/** The stored content as the editor shows it. */
export function planToFormValues(content: PlanContent): PlanFormValues {
  return {
    targets: content.targets.map((target) => ({ ...target, dueDate: toDay(target.dueDate) })),
    steps: content.steps.map((step) => ({ ...step, startDate: toDay(step.startDate), endDate: toDay(step.endDate) })),
    milestones: content.milestones.map((milestone) => ({ ...milestone, date: toDay(milestone.date) })),
    expectedProgress: content.expectedProgress.map((entry) => ({ ...entry })),
    progressBasis: content.progressBasis,
  };
}

/** The editor's values as the API takes them: text trimmed, dates as `YYYY-MM-DD`, ids kept. */
export function toPlanContentInput(values: PlanFormValues): PlanContentInput {
  const id = (value: string | undefined) => (value ? { id: value } : {});
  return {
    targets: (values.targets ?? []).map((target) => ({
      ...id(target.id),
      name: (target.name ?? '').trim(),
      measureUnit: (target.measureUnit ?? '').trim(),
      baseline: target.baseline ?? 0,
      targetValue: target.targetValue ?? 0,
      dueDate: fromDay(target.dueDate),
    })),
    steps: (values.steps ?? []).map((step) => ({
      ...id(step.id),
      text: (step.text ?? '').trim(),
      ownerUnitId: step.ownerUnitId ?? 0,
      startDate: fromDay(step.startDate),
      endDate: fromDay(step.endDate),
    })),
    milestones: (values.milestones ?? []).map((milestone) => ({
      ...id(milestone.id),
      date: fromDay(milestone.date) ?? '',
      deliverable: (milestone.deliverable ?? '').trim(),
      evidenceRequired: milestone.evidenceRequired ?? false,
    })),
    expectedProgress: (values.expectedProgress ?? []).map((entry) => ({
      quarter: entry.quarter ?? '',
      percent: entry.percent ?? 0,
    })),
    progressBasis: values.progressBasis,
  };
}

export function partToFormValues(content: PlanPartContent | undefined): PartFormValues {
  if (!content) return { text: '', steps: [] };
  return {
    text: content.text,
    steps: content.steps.map((step) => ({ ...step, startDate: toDay(step.startDate), endDate: toDay(step.endDate) })),
  };
}

export function toPartContentInput(values: PartFormValues): PlanPartContentInput {
  return {
    text: (values.text ?? '').trim(),
    steps: (values.steps ?? []).map((step) => ({
      ...(step.id ? { id: step.id } : {}),
      text: (step.text ?? '').trim(),
      startDate: fromDay(step.startDate),
      endDate: fromDay(step.endDate),
    })),
  };
}

/** `2027-Q3` → { year: 2027, quarter: 3 }; null for anything else. */
export function parseQuarter(value: string): { year: number; quarter: number } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

/**
 * The quarters the editor offers: from the year before the first one given (or this year) to the
 * deadline's year (at least next year), in order.
 */
export function quarterOptions(input: { today: string; deadline: string | null; taken?: readonly string[] }): string[] {
  const thisYear = Number(input.today.slice(0, 4));
  const takenYears = (input.taken ?? []).flatMap((value) => parseQuarter(value)?.year ?? []);
  const first = Math.min(thisYear, ...takenYears);
  const deadlineYear = input.deadline ? Number(input.deadline.slice(0, 4)) : thisYear + 1;
  const last = Math.max(deadlineYear, thisYear, ...takenYears);
  const quarters: string[] = [];
  for (let year = first; year <= last; year++) for (let q = 1; q <= 4; q++) quarters.push(`${year}-Q${q}`);
  return quarters;
}

/** The next quarter after the last one in the list (or the current quarter), for "add quarter". */
export function nextQuarter(taken: readonly string[], today: string): string {
  const parsed = taken.flatMap((value) => parseQuarter(value) ?? []);
  if (parsed.length === 0) {
    const month = Number(today.slice(5, 7));
    return `${today.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  }
  const last = parsed.reduce((a, b) => (a.year * 4 + a.quarter >= b.year * 4 + b.quarter ? a : b));
  return last.quarter === 4 ? `${last.year + 1}-Q1` : `${last.year}-Q${last.quarter + 1}`;
}
