import { describe, expect, it } from 'vitest';
import { diffFields, isEmptyDiff } from './field-diff.js';

describe(diffFields.name, () => {
  it('should keep only the fields whose values changed', () => {
    expect(
      diffFields(
        { name: '市财政局', shortName: null, sortOrder: 1 },
        { name: '市财政局', shortName: '财政局', sortOrder: 1 },
      ),
    ).toEqual({
      before: { shortName: null },
      after: { shortName: '财政局' },
    });
  });

  it('should compare arrays and nested objects by content', () => {
    const diff = diffFields(
      { roles: ['leader'], contact: { phone: '1' } },
      { roles: ['leader'], contact: { phone: '1' } },
    );
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diffFields({ roles: ['leader'] }, { roles: ['leader', 'supervisor'] })).toEqual({
      before: { roles: ['leader'] },
      after: { roles: ['leader', 'supervisor'] },
    });
  });

  it('should treat a field missing on one side as null there', () => {
    expect(diffFields({ email: 'a@example.gov.cn' }, {})).toEqual({
      before: { email: 'a@example.gov.cn' },
      after: { email: null },
    });
    expect(isEmptyDiff(diffFields({ email: null }, {}))).toBe(true);
  });

  it('should list nothing when nothing changed', () => {
    expect(diffFields({ a: 1 }, { a: 1 })).toEqual({ before: {}, after: {} });
  });
});
