import { describe, expect, it } from 'vitest';
import { ALLOWED_FILE_TYPES } from '../../../domain/file-types.js';
import { fileKind } from './file-kind.js';

describe('fileKind', () => {
  it('should name the kind of every allowed file type', () => {
    for (const [extension, { contentType }] of Object.entries(ALLOWED_FILE_TYPES)) {
      expect([extension, fileKind(contentType)]).not.toEqual([extension, 'other']);
    }
  });

  it('should tell documents, spreadsheets and images apart', () => {
    expect(fileKind('application/pdf')).toBe('pdf');
    expect(fileKind('image/png')).toBe('image');
    expect(fileKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('excel');
    expect(fileKind('text/html')).toBe('other');
  });
});
