import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { systemActor } from '../auth/actor.js';
import { multipart } from '../files/file-samples.js';
import type { TestApp } from '../test/test-app.js';
import { createUnit } from '../units/units.service.js';
import { createUser } from '../users/users.service.js';

// Set-up for the spreadsheet suites: a small organisation whose units answer to names, short
// names and aliases, a leader, sheets built with exceljs as an office would fill them in, and the
// upload through the real multipart route.

/** The canonical header row of the template. */
export const CANONICAL_HEADER = ['序号', '任务', '牵头单位', '配合单位', '责任领导', '完成时限', '备注'];

export type SheetCell = string | number | Date | null;

/** An .xlsx file with the header (canonical unless given) and the rows, on its first tab. */
export async function sheetFile(rows: SheetCell[][], header: string[] = CANONICAL_HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分解表');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first tab of an .xlsx file as plain rows (cell values as exceljs reads them). */
export async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Uploads a sheet to POST /imports/spreadsheet as the given session. */
export function uploadSheet(
  t: TestApp,
  cookie: string,
  bytes: Buffer,
  options: { query?: string; name?: string; language?: string } = {},
): Promise<LightMyRequestResponse> {
  const body = multipart([{ name: 'file', filename: options.name ?? '2026年重点工作任务分解表.xlsx', content: bytes }]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/imports/spreadsheet${options.query ? `?${options.query}` : ''}`,
    headers: { cookie, 'content-type': body.contentType, 'accept-language': options.language ?? 'zh-CN' },
    payload: body.payload,
  });
}

/** The organisation of the suites: ids by the full names the sheets use. */
export interface SheetOrganisation {
  units: Record<'fgw' | 'czj' | 'swj' | 'zrzyj', number>;
  leaderId: number;
}

/**
 * 市发改委 (short name 发改委, alias 发展改革委), 市财政局, 市商务局, 市自然资源局 (short name
 * 自然资源局), and 王副市长, a leader.
 */
export async function seedSheetOrganisation(t: TestApp): Promise<SheetOrganisation> {
  const actor = systemActor('test');
  const unit = async (name: string, shortName?: string, aliases?: string[]) =>
    (await createUnit(t.db, { name, shortName, aliases, actor })).id;
  const units = {
    fgw: await unit('市发改委', '发改委', ['发展改革委']),
    czj: await unit('市财政局'),
    swj: await unit('市商务局'),
    zrzyj: await unit('市自然资源局', '自然资源局'),
  };
  const leader = await createUser(t.db, {
    username: 'vice.mayor.wang',
    displayName: '王副市长',
    password: 'password-123',
    roles: ['leader'],
    actor,
  });
  return { units, leaderId: leader.id };
}
