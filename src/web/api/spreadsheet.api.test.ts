import { describe, expect, it } from 'vitest';
import { spreadsheetTemplateUrl, taskExportUrl } from './spreadsheet.api.js';

describe(taskExportUrl.name, () => {
  it('should carry the list filters as GET /tasks names them, multi-valued ones comma-separated', () => {
    const url = taskExportUrl(
      { status: ['assigned', 'in_progress'], unitId: 7, includeSubunits: true, q: '', sort: 'deadline' },
      'csv',
      'en',
    );
    const [path, search] = url.split('?');
    expect(path).toBe('/api/v1/tasks/export.csv');
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      status: 'assigned,in_progress',
      unitId: '7',
      includeSubunits: 'true',
      sort: 'deadline',
      lang: 'en',
    });
  });
});

describe(spreadsheetTemplateUrl.name, () => {
  it('should ask for the template in the UI language', () => {
    expect(spreadsheetTemplateUrl('zh-TW')).toBe('/api/v1/imports/spreadsheet/template?lang=zh-TW');
  });
});
