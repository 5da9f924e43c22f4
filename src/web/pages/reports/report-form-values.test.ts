import { describe, expect, it } from 'vitest';
import type { ReportDetail, TaskReports } from '../../api/reports.api.js';
import {
  isPartCopied,
  isReportFormValues,
  normalizeFormValues,
  previousAcceptedPercent,
  type ReportFormValues,
  reportFormValues,
  toDraftFields,
  withPartCopied,
} from './report-form-values.js';

const empty: ReportFormValues = {
  doneText: '',
  problems: '',
  nextSteps: '',
  coordination: '',
  percent: null,
  targetValues: {},
  milestonesDone: [],
  explanation: '',
  publicSummary: '',
  fileIds: [],
};

describe('reportFormValues', () => {
  it('should take the texts, plan items and evidence of the report', () => {
    const report = {
      doneText: '完成选址',
      problems: '',
      nextSteps: '开工',
      coordination: '',
      percent: 30,
      targetValues: { t1: 2 },
      milestonesDone: ['m1'],
      explanation: null,
      files: [{ id: 7 }, { id: 9 }],
    } as unknown as ReportDetail;
    expect(reportFormValues(report)).toEqual({
      ...empty,
      doneText: '完成选址',
      nextSteps: '开工',
      percent: 30,
      targetValues: { t1: 2 },
      milestonesDone: ['m1'],
      fileIds: [7, 9],
    });
  });
});

describe('normalizeFormValues', () => {
  it('should drop blank target values and fill what the form left out', () => {
    expect(normalizeFormValues({ doneText: '做了', targetValues: { t1: 3, t2: null }, percent: undefined })).toEqual({
      ...empty,
      doneText: '做了',
      targetValues: { t1: 3 },
    });
  });
});

describe('isReportFormValues', () => {
  it('should accept the form values and refuse other shapes', () => {
    expect(isReportFormValues(empty)).toBe(true);
    expect(isReportFormValues({ ...empty, fileIds: 'x' })).toBe(false);
    expect(isReportFormValues(null)).toBe(false);
  });
});

describe('toDraftFields', () => {
  it('should send only what changed, and a blank explanation as none', () => {
    expect(toDraftFields({ problems: '缺资金', explanation: '  ' })).toEqual({ problems: '缺资金', explanation: null });
    expect(toDraftFields({ percent: 50, fileIds: [3] })).toEqual({ percent: 50, fileIds: [3] });
  });
});

describe('withPartCopied', () => {
  const part = {
    unitName: '市财政局',
    doneText: '拨付资金 500 万元',
    problems: '',
    nextSteps: '跟踪使用',
    coordination: '',
  };

  it("should append each text of the part under the unit's name", () => {
    const values = withPartCopied({ ...empty, doneText: '完成选址' }, part);
    expect(values.doneText).toBe('完成选址\n【市财政局】拨付资金 500 万元');
    expect(values.nextSteps).toBe('【市财政局】跟踪使用');
    expect(values.problems).toBe('');
    expect(isPartCopied(values, part)).toBe(true);
  });

  it('should not copy the same text twice', () => {
    const once = withPartCopied(empty, part);
    expect(withPartCopied(once, part)).toEqual(once);
    expect(isPartCopied(empty, part)).toBe(false);
  });
});

describe('previousAcceptedPercent', () => {
  const slot = (unitId: number, status: string, percent: number) => ({
    periodId: 1,
    unitId,
    unitName: '',
    role: 'lead',
    report: { status, percent },
  });
  const reports = {
    periods: [
      { end: '2026-10-31', slots: [slot(1, 'accepted', 60)] },
      { end: '2026-09-30', slots: [slot(2, 'accepted', 90), slot(1, 'returned', 50)] },
      { end: '2026-08-31', slots: [slot(1, 'accepted', 40)] },
    ],
  } as unknown as TaskReports;

  it("should answer the unit's last accepted percent before the report's period", () => {
    expect(previousAcceptedPercent(reports, { unitId: 1, period: { start: '', end: '2026-10-31', dueDate: '' } })).toBe(
      40,
    );
  });

  it('should answer null when the unit has no accepted report before', () => {
    expect(previousAcceptedPercent(reports, { unitId: 1, period: { start: '', end: '2026-08-31', dueDate: '' } })).toBe(
      null,
    );
    expect(
      previousAcceptedPercent(undefined, { unitId: 1, period: { start: '', end: '2026-12-31', dueDate: '' } }),
    ).toBe(null);
  });
});
