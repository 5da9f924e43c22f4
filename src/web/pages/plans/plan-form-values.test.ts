import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { PlanContent } from '../../../shared/plans-api.js';
import {
  nextQuarter,
  parseQuarter,
  partToFormValues,
  planToFormValues,
  quarterOptions,
  toPartContentInput,
  toPlanContentInput,
} from './plan-form-values.js';

const content: PlanContent = {
  targets: [
    { id: 't-1', name: '新开工保障性住房', measureUnit: '套', baseline: 0, targetValue: 1200, dueDate: '2027-12-31' },
  ],
  steps: [{ id: 's-1', text: '摸清需求底数', ownerUnitId: 7, startDate: null, endDate: '2027-03-31' }],
  milestones: [{ id: 'm-1', date: '2027-03-31', deliverable: '需求调查报告', evidenceRequired: true }],
  expectedProgress: [{ quarter: '2027-Q1', percent: 15 }],
  progressBasis: 'milestones',
};

describe(toPlanContentInput.name, () => {
  it('should give back the content it was made from, ids kept', () => {
    expect(toPlanContentInput(planToFormValues(content))).toEqual(content);
  });

  it('should trim text, format dates and leave ids out of new items', () => {
    const input = toPlanContentInput({
      targets: [{ name: ' 棚户区改造 ', measureUnit: ' 户 ', baseline: 150, targetValue: 800 }],
      steps: [],
      milestones: [{ date: dayjs('2027-09-30'), deliverable: ' 全部开工 ' }],
      expectedProgress: [{ quarter: '2027-Q2', percent: 40 }],
      progressBasis: 'reports',
    });
    expect(input.targets).toEqual([
      { name: '棚户区改造', measureUnit: '户', baseline: 150, targetValue: 800, dueDate: null },
    ]);
    expect(input.milestones).toEqual([{ date: '2027-09-30', deliverable: '全部开工', evidenceRequired: false }]);
  });
});

describe(toPartContentInput.name, () => {
  it('should round-trip a part and start from an empty one when there is none', () => {
    const part = { text: '用地保障', steps: [{ id: 'p-1', text: '落实用地', startDate: '2027-01-05', endDate: null }] };
    expect(toPartContentInput(partToFormValues(part))).toEqual(part);
    expect(partToFormValues(undefined)).toEqual({ text: '', steps: [] });
  });
});

describe(quarterOptions.name, () => {
  it('should offer every quarter from this year to the deadline year', () => {
    const options = quarterOptions({ today: '2026-11-27', deadline: '2027-06-30' });
    expect(options[0]).toBe('2026-Q1');
    expect(options.at(-1)).toBe('2027-Q4');
    expect(options).toHaveLength(8);
  });

  it('should keep quarters already chosen in earlier years', () => {
    expect(quarterOptions({ today: '2026-11-27', deadline: null, taken: ['2025-Q4'] })[0]).toBe('2025-Q1');
  });
});

describe(nextQuarter.name, () => {
  it('should follow the latest quarter, rolling over the year', () => {
    expect(nextQuarter(['2027-Q1', '2026-Q4'], '2026-11-27')).toBe('2027-Q2');
    expect(nextQuarter(['2027-Q4'], '2026-11-27')).toBe('2028-Q1');
    expect(nextQuarter([], '2026-11-27')).toBe('2026-Q4');
  });

  it('should read quarters and refuse anything else', () => {
    expect(parseQuarter('2027-Q3')).toEqual({ year: 2027, quarter: 3 });
    expect(parseQuarter('2027-Q5')).toBeNull();
  });
});
