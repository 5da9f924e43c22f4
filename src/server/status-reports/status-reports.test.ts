import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../shared/status-reports-api.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { REPORT_TEXT, type ReportOrg, seedReportOrg, TITLES } from './status-report-fixtures.js';

// Implementation reports (落实情况报告) through the API on a real database: every item of a source
// or period with its progress, problems, next steps and coordination; the viewer's scope in the
// JSON and in every file; the .docx and .xlsx read back and the PDF's Chinese text extracted;
// refusals; and the task-list exports, which must honour the same scope.

const run = promisify(execFile);
let t: TestApp;
let org: ReportOrg;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedReportOrg(t, 'sr');
});
afterAll(() => t.close());

const titlesOf = (res: LightMyRequestResponse) => (res.json() as StatusReport).items.map((item) => item.title);

async function xlsxText(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    rows.push(
      (row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value))),
    );
  });
  return rows;
}

describe('GET /status-reports', () => {
  it('should list every item of the source in tree order with its state and the window’s reports', async () => {
    const res = await org.as.sup('GET', `/status-reports?sourceId=${org.sourceId}&window=weekly&lang=zh-CN`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as StatusReport;
    expect(report.items.map((item) => [item.key, item.title])).toEqual([
      ['1', TITLES.a],
      ['1.1', TITLES.aSub],
      ['2', TITLES.b],
      ['3', TITLES.c],
    ]);
    expect(report.number).toMatch(/^督落周〔\d{4}〕\d+号$/);
    expect(report.heading).toBe('关于《2026年政府工作报告》落实情况的周报');
    const b = report.items.find((item) => item.title === TITLES.b);
    expect(b).toMatchObject({
      light: 'red',
      progress: 60,
      isOverdue: true,
      progressMade: REPORT_TEXT.done,
      problems: [REPORT_TEXT.problems],
      nextSteps: [REPORT_TEXT.nextSteps],
      coordinationNeeded: [REPORT_TEXT.coordination],
    });
    expect(b?.coordinationRequests).toEqual([
      expect.objectContaining({
        matter: REPORT_TEXT.matter,
        fromUnitName: '市教育局',
        toName: '市交通运输局',
        status: 'open',
      }),
    ]);
    expect(report.figures).toMatchObject({ items: 4, closed: 0, overdue: 2, red: 1, amber: 1, green: 2 });
  });

  it('should report on a period’s tasks', async () => {
    const res = await org.as.sup('GET', `/status-reports?periodId=${org.periodId}&window=monthly`);
    expect(res.statusCode, res.body).toBe(200);
    expect(titlesOf(res)).toEqual([TITLES.b, TITLES.c]);
    expect(res.json().number).toMatch(/^督落月〔\d{4}〕\d+号$/);
  });

  it('should leave out the problems of reports outside the window', async () => {
    const res = await org.as.sup(
      'GET',
      `/status-reports?sourceId=${org.sourceId}&window=custom&from=2025-01-01&to=2025-01-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const b = (res.json() as StatusReport).items.find((item) => item.title === TITLES.b);
    expect(b).toMatchObject({ progressMade: null, problems: [], nextSteps: [], coordinationNeeded: [] });
    // The open request is still waiting, so it is still reported.
    expect(b?.coordinationRequests).toHaveLength(1);
  });

  it('should show a leader only the items of the units in their charge', async () => {
    const res = await org.as.leader('GET', `/status-reports?sourceId=${org.sourceId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(titlesOf(res)).toEqual([TITLES.b]);
    expect(res.json().figures.items).toBe(1);
  });

  it('should show a unit only its own tasks, and the auditor all', async () => {
    expect(titlesOf(await org.as.aStaff('GET', `/status-reports?sourceId=${org.sourceId}`))).toEqual([
      TITLES.a,
      TITLES.aSub,
    ]);
    expect(titlesOf(await org.as.auditor('GET', `/status-reports?sourceId=${org.sourceId}`))).toHaveLength(4);
  });

  it('should refuse bad requests with 4xx problems', async () => {
    const cases: Array<[string, number, string]> = [
      ['/status-reports?sourceId=999999', 404, 'not_found'],
      ['/status-reports?periodId=999999', 404, 'not_found'],
      ['/status-reports', 400, 'validation_failed'],
      [`/status-reports?sourceId=${org.sourceId}&periodId=${org.periodId}`, 400, 'validation_failed'],
      [
        `/status-reports?sourceId=${org.sourceId}&window=custom&from=2024-01-01&to=2026-01-01`,
        422,
        'status_report_window_too_long',
      ],
      [
        `/status-reports?sourceId=${org.sourceId}&window=custom&from=2026-02-01&to=2026-01-01`,
        400,
        'validation_failed',
      ],
      [`/status-reports?sourceId=${org.sourceId}&window=custom&from=2026-02-01`, 400, 'validation_failed'],
      [`/status-reports?sourceId=${org.sourceId}&window=daily`, 400, 'validation_failed'],
      ['/status-reports/document.xlsx?sourceId=999999', 404, 'not_found'],
    ];
    for (const [url, status, code] of cases) {
      const res = await org.as.sup('GET', url);
      expect([url, res.statusCode, res.json().code]).toEqual([url, status, code]);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/status-reports?sourceId=${org.sourceId}` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('status report files', () => {
  it('should write every item into the .docx with its problems, next steps and coordination', async () => {
    const res = await org.as.sup('GET', `/status-reports/document.docx?sourceId=${org.sourceId}&lang=zh-CN`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('落实情况的周报');
    const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
    for (const text of [TITLES.a, TITLES.aSub, TITLES.b, TITLES.c, REPORT_TEXT.problems, REPORT_TEXT.nextSteps]) {
      expect(value).toContain(text);
    }
    expect(value).toContain(REPORT_TEXT.coordination);
    expect(value).toContain('共4项');
    expect(value).not.toContain(TITLES.other);
  });

  it('should keep another unit’s tasks out of a unit’s .docx and .xlsx', async () => {
    const docx = await org.as.aStaff('GET', `/status-reports/document.docx?sourceId=${org.sourceId}`);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value).toContain(TITLES.a);
    expect(value).not.toContain(TITLES.b);
    expect(value).not.toContain(REPORT_TEXT.problems);
    const xlsx = await org.as.aStaff('GET', `/status-reports/document.xlsx?sourceId=${org.sourceId}`);
    const cells = (await xlsxText(xlsx.rawPayload)).flat().join('\n');
    expect(cells).toContain(TITLES.aSub);
    expect(cells).not.toContain(TITLES.b);
    expect(cells).not.toContain(TITLES.c);
  });

  it('should write one spreadsheet row per item under a Chinese header', async () => {
    const res = await org.as.sup('GET', `/status-reports/document.xlsx?sourceId=${org.sourceId}&lang=zh-CN`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxText(res.rawPayload);
    const header = rows.findIndex((row) => row[0] === '序号');
    expect(rows[header]).toEqual(
      expect.arrayContaining(['任务名称', '牵头单位', '存在问题', '下步计划', '需协调事项']),
    );
    const items = rows.slice(header + 1);
    expect(items.map((row) => row[0])).toEqual(['1', '1.1', '2', '3']);
    const b = items.find((row) => row[2] === TITLES.b);
    expect(b).toEqual(expect.arrayContaining(['市教育局', '红灯', '60', REPORT_TEXT.done, REPORT_TEXT.problems]));
    expect(b?.[11]).toContain(REPORT_TEXT.matter);
    expect(rows.flat().join('')).toContain('共4项');
  });

  it('should write English headers for an English spreadsheet', async () => {
    const res = await org.as.sup('GET', `/status-reports/document.xlsx?sourceId=${org.sourceId}&lang=en`);
    const rows = await xlsxText(res.rawPayload);
    expect(rows.some((row) => row[0] === 'No.' && row[9] === 'Problems raised')).toBe(true);
  });

  it('should render the PDF with its Chinese text', async () => {
    const res = await org.as.sup('GET', `/status-reports/document.pdf?sourceId=${org.sourceId}&lang=zh-CN`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = await mkdtemp(path.join(tmpdir(), 'status-report-'));
    try {
      const file = path.join(dir, 'report.pdf');
      await writeFile(file, res.rawPayload);
      const text = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, '');
      for (const words of [TITLES.b, '一、总体情况', '存在问题', REPORT_TEXT.problems.replace(/\s+/g, '')]) {
        expect(text).toContain(words);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('task-list exports honour the viewer’s scope', () => {
  it('should export to a unit none of another unit’s tasks (.xlsx and CSV)', async () => {
    const xlsx = await org.as.aStaff('GET', '/tasks/export.xlsx');
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const cells = (await xlsxText(xlsx.rawPayload)).flat().join('\n');
    expect(cells).toContain(TITLES.a);
    for (const title of [TITLES.b, TITLES.c, TITLES.other]) expect(cells).not.toContain(title);
    const csv = await org.as.aStaff('GET', '/tasks/export.csv');
    expect(csv.body).toContain(TITLES.aSub);
    for (const title of [TITLES.b, TITLES.c, TITLES.other]) expect(csv.body).not.toContain(title);
  });

  it('should export to a leader only the tasks of the units in their charge', async () => {
    const csv = await org.as.leader('GET', '/tasks/export.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain(TITLES.b);
    expect(csv.body).toContain(TITLES.other);
    for (const title of [TITLES.a, TITLES.aSub, TITLES.c]) expect(csv.body).not.toContain(title);
  });
});
