import { describe, expect, it } from 'vitest';
import { buildDryRunReport } from './dry-run-report.js';
import { normaliseText } from './normalise.js';
import { parseDocument } from './parse-document.js';

describe(buildDryRunReport.name, () => {
  it('should put the fixture fields of every item first, with the extras and the change list', () => {
    const normalised = normaliseText(
      '江政发〔2026〕3号\n一、重点任务\n1．推进招商（牵头单位：市商务局；完成时限：6月底前）',
    );
    const report = buildDryRunReport(parseDocument(normalised.text), normalised.changes);
    expect(report).toMatchObject({ year: 2026, year_source: 'number', doc_number: '江政发〔2026〕3号' });
    const child = report.items[0]?.children[0];
    expect(Object.keys(child ?? {}).slice(0, 8)).toEqual([
      'path',
      'marker',
      'title',
      'lead',
      'cooperating',
      'deadline',
      'deadline_iso',
      'children',
    ]);
    expect(child).toMatchObject({
      path: '1.1',
      marker: '1.',
      title: '推进招商',
      lead: ['市商务局'],
      deadline_iso: '2026-06-30',
    });
    expect(report.changes.some((change) => change.kind === 'width')).toBe(true);
  });
});
