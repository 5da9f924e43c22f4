import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.js';
import { applyFieldErrors, toNamePath } from './form-errors.js';

/** A stand-in that records what would be shown next to each field. */
function recordingForm() {
  const calls: Array<Array<{ name: Array<string | number>; errors: string[] }>> = [];
  const form = { setFields: (fields: (typeof calls)[number]) => calls.push(fields) } as unknown as FormInstance;
  return { form, calls };
}

describe(toNamePath.name, () => {
  it('should turn API field paths into form name paths', () => {
    expect(toNamePath('username')).toEqual(['username']);
    expect(toNamePath('body.aliases.0')).toEqual(['aliases', 0]);
    expect(toNamePath('aliases[2]')).toEqual(['aliases', 2]);
  });
});

describe(applyFieldErrors.name, () => {
  it('should put the problem detail on the named field', () => {
    const { form, calls } = recordingForm();
    const error = new ApiError(409, { code: 'username_taken', detail: '该用户名已被使用。', field: 'username' });
    expect(applyFieldErrors(form, error, ['username', 'displayName'])).toBe(true);
    expect(calls).toEqual([[{ name: ['username'], errors: ['该用户名已被使用。'] }]]);
  });

  it('should group several errors per field from errors[]', () => {
    const { form, calls } = recordingForm();
    const error = new ApiError(422, {
      code: 'validation_failed',
      detail: 'invalid',
      errors: [
        { field: 'name', code: 'too_long', detail: 'too long' },
        { field: 'aliases.1', code: 'too_long', detail: 'alias too long' },
      ],
    });
    expect(applyFieldErrors(form, error, ['name', 'aliases'])).toBe(true);
    expect(calls[0]).toEqual([
      { name: ['name'], errors: ['too long'] },
      { name: ['aliases'], errors: ['alias too long'] },
    ]);
  });

  it('should report false when no error names a field of the form', () => {
    const { form, calls } = recordingForm();
    const error = new ApiError(409, { code: 'last_admin', detail: 'last admin' });
    expect(applyFieldErrors(form, error, ['roles'])).toBe(false);
    expect(applyFieldErrors(form, new Error('boom'), ['roles'])).toBe(false);
    expect(calls).toEqual([]);
  });
});
