import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../../shared/review-api.js';
import { bodyOf, draftOf, nextUnreviewedIndex, outcomeForKey } from './review-draft.js';

// The worksheet's small rules: what a row starts with, what a save sends, where the keys go.

function row(taskId: number, reviewed = false, fields: Partial<ReviewItem> = {}): ReviewItem {
  return {
    taskId,
    taskNumber: `2026-${String(taskId).padStart(4, '0')}`,
    taskTitle: `事项${taskId}`,
    kind: 'task',
    leadUnit: { id: 1, name: '市住房城乡建设局' },
    computedOutcome: 'not_done',
    deadline: null,
    closedAt: null,
    review: reviewed
      ? {
          outcome: 'done_late',
          reasonCode: 'funding',
          explanation: '资金下达晚',
          practices: null,
          exemplaryCandidate: false,
          reviewedByName: '督查员',
          reviewedAt: '2026-07-01T00:00:00.000Z',
          version: 3,
        }
      : null,
    ...fields,
  };
}

describe('draftOf', () => {
  it('should start from the saved review, else the computed outcome', () => {
    expect(draftOf(row(1, true))).toMatchObject({ outcome: 'done_late', reasonCode: 'funding' });
    expect(draftOf(row(2))).toMatchObject({ outcome: 'not_done', reasonCode: null, explanation: '' });
  });
});

describe('bodyOf', () => {
  it('should send only the fields of the outcome, with the version (0 before the first review)', () => {
    const failed = {
      outcome: 'not_done',
      reasonCode: 'inaction',
      explanation: '推诿',
      practices: 'x',
      exemplaryCandidate: true,
    } as const;
    expect(bodyOf(failed, row(2))).toEqual({
      outcome: 'not_done',
      reasonCode: 'inaction',
      explanation: '推诿',
      version: 0,
    });
    const done = { ...failed, outcome: 'done_on_time', practices: '  ' } as const;
    expect(bodyOf(done, row(1, true))).toEqual({
      outcome: 'done_on_time',
      practices: null,
      exemplaryCandidate: true,
      version: 3,
    });
  });
});

describe('outcomeForKey', () => {
  it('should map 1–3 to the outcomes and nothing else', () => {
    expect(['1', '2', '3', '4', 'a'].map(outcomeForKey)).toEqual([
      'done_on_time',
      'done_late',
      'not_done',
      undefined,
      undefined,
    ]);
  });
});

describe('nextUnreviewedIndex', () => {
  it('should go to the next unreviewed row, wrapping round', () => {
    const rows = [row(1), row(2, true), row(3, true), row(4)];
    expect(nextUnreviewedIndex(rows, 0)).toBe(3);
    expect(nextUnreviewedIndex(rows, 3)).toBe(0);
  });

  it('should go to the next row when all are reviewed, and stay on the last', () => {
    const rows = [row(1, true), row(2, true)];
    expect(nextUnreviewedIndex(rows, 0)).toBe(1);
    expect(nextUnreviewedIndex(rows, 1)).toBe(1);
  });
});
