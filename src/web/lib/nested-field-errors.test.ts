import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.js';
import { applyNestedFieldErrors, type FieldLayout, fieldNameFor } from './nested-field-errors.js';

/** A plan editor's fields: three lists and a plain field. */
const PLAN_FORM_FIELDS: FieldLayout = {
  targets: ['name', 'measureUnit', 'baseline', 'targetValue', 'dueDate'],
  milestones: ['date', 'deliverable', 'evidenceRequired'],
  expectedProgress: ['quarter', 'percent'],
  progressBasis: null,
};

function recordingForm() {
  const calls: Array<Array<{ name: Array<string | number>; errors: string[] }>> = [];
  const form = { setFields: (fields: (typeof calls)[number]) => calls.push(fields) } as unknown as FormInstance;
  return { form, calls };
}

describe(fieldNameFor.name, () => {
  it('should place item fields of lists and plain fields', () => {
    expect(fieldNameFor('milestones.2.date', PLAN_FORM_FIELDS)).toEqual(['milestones', 2, 'date']);
    expect(fieldNameFor('body.targets.0.name', PLAN_FORM_FIELDS)).toEqual(['targets', 0, 'name']);
    expect(fieldNameFor('progressBasis', PLAN_FORM_FIELDS)).toEqual(['progressBasis']);
  });

  it('should not place ids, whole lists or unknown fields', () => {
    expect(fieldNameFor('targets.0.id', PLAN_FORM_FIELDS)).toBeNull();
    expect(fieldNameFor('targets', PLAN_FORM_FIELDS)).toBeNull();
    expect(fieldNameFor('version', PLAN_FORM_FIELDS)).toBeNull();
  });
});

describe(applyNestedFieldErrors.name, () => {
  it("should put each of a plan_content_invalid answer's errors on its own item", () => {
    const { form, calls } = recordingForm();
    const error = new ApiError(422, {
      code: 'plan_content_invalid',
      detail: 'invalid',
      field: 'milestones.1.date',
      errors: [
        { field: 'milestones.1.date', code: 'afterDeadline', detail: '晚于任务办结时限 2027-12-31' },
        { field: 'expectedProgress.2.percent', code: 'progressDecreasing', detail: '不能低于前一季度的 40%' },
        { field: 'targets.0.id', code: 'duplicateId', detail: '编号与其他项重复' },
      ],
    });
    expect(applyNestedFieldErrors(form, error, PLAN_FORM_FIELDS)).toEqual([
      ['milestones', 1, 'date'],
      ['expectedProgress', 2, 'percent'],
    ]);
    expect(calls[0]).toEqual([
      { name: ['milestones', 1, 'date'], errors: ['晚于任务办结时限 2027-12-31'] },
      { name: ['expectedProgress', 2, 'percent'], errors: ['不能低于前一季度的 40%'] },
    ]);
  });

  it('should answer nothing for errors without a field of the form', () => {
    const { form, calls } = recordingForm();
    expect(applyNestedFieldErrors(form, new ApiError(409, { code: 'version_conflict' }), PLAN_FORM_FIELDS)).toEqual([]);
    expect(applyNestedFieldErrors(form, new Error('boom'), PLAN_FORM_FIELDS)).toEqual([]);
    expect(calls).toEqual([]);
  });
});
