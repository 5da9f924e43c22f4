import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { describePointDetail } from './point-detail.js';

// A stand-in for i18next: the key and its values, so the test reads what was asked for.
const t = ((key: string, values?: Record<string, unknown>) =>
  values
    ? `${key.replace('assessment.detail.', '')}(${Object.values(values).join(',')})`
    : key.replace('assessment.detail.', '')) as unknown as TFunction;

describe(describePointDetail.name, () => {
  it('should say nothing for a line without detail', () => {
    expect(describePointDetail({ detail: null }, t)).toBe('');
  });

  it('should describe lateness with its working days, deadlines and the cap', () => {
    const detail = { workingDays: 38, deadline: '2026-09-30', originalDeadline: '2026-06-30', capped: true };
    expect(describePointDetail({ detail }, t)).toBe(
      'workingDays(38) · deadline(2026-09-30) · originalDeadline(2026-06-30) · capped',
    );
  });

  it('should say a plan or an instruction was never accepted or answered', () => {
    expect(describePointDetail({ detail: { dueOn: '2026-08-14', acceptedOn: null } }, t)).toBe(
      'due(2026-08-14) · notAccepted',
    );
    expect(describePointDetail({ detail: { respondBy: '2026-05-01', respondedOn: null } }, t)).toBe(
      'respondBy(2026-05-01) · notResponded',
    );
  });

  it('should show a similarity as a percentage and leave unknown keys out', () => {
    expect(describePointDetail({ detail: { similarity: 0.9731, similarReportId: 7, light: 'red' } }, t)).toBe(
      'similarity(97)',
    );
  });

  it('should give the average rating and the number of raters', () => {
    expect(describePointDetail({ detail: { rating: 4.5, raters: 2 } }, t)).toBe('rating(4.5) · raters(2)');
  });
});
