import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../cli/luoshi.js';

// `luoshi import doc FILE`, run in-process as bin/luoshi.js runs it: with --dry-run it needs no
// database (the data directory it is pointed at stays empty); without, it registers the tree as
// parsed into the SQLite database of that directory.

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-doc-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function luoshi(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  process.exitCode = undefined;
  try {
    await buildProgram().parseAsync(['node', 'luoshi', '--data', path.join(dir, 'data'), ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out: out.join(''), err: err.join('') };
}

const LINES = [
  '关于做好重点工作的通知',
  '一、重点任务',
  '1.推进招商引资。（牵头单位：市商务局；配合单位：市财政局；完成时限：6月底前）',
];

describe('luoshi import doc', () => {
  it('should print the parsed tree of a .txt as fixture-shaped JSON, dated by --year, without a database', async () => {
    const file = path.join(dir, 'notice.txt');
    fs.writeFileSync(file, LINES.join('\n'));
    const { code, out } = await luoshi('import', 'doc', file, '--dry-run', '--year', '2026');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ year: 2026, year_source: 'given' });
    expect(report.items[0].children[0]).toMatchObject({
      path: '1.1',
      marker: '1.',
      title: '推进招商引资',
      lead: ['市商务局'],
      cooperating: ['市财政局'],
      deadline: '6月底前',
      deadline_iso: '2026-06-30',
    });
    expect(report.changes.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('should read a .docx through its raw text', async () => {
    const doc = new Document({ sections: [{ children: LINES.map((line) => new Paragraph(line)) }] });
    const file = path.join(dir, 'notice.docx');
    fs.writeFileSync(file, await Packer.toBuffer(doc));
    const { code, out } = await luoshi('import', 'doc', file, '--dry-run');
    expect(code).toBe(0);
    expect(JSON.parse(out).items[0].children[0]).toMatchObject({
      title: '推进招商引资',
      lead: ['市商务局'],
      deadline_iso: null,
    });
  });

  it('should register the tree as parsed, refusing unit names that match no unit unless told, and never twice', async () => {
    const file = path.join(dir, 'notice.txt');
    fs.writeFileSync(file, LINES.join('\n'));
    const refused = await luoshi('import', 'doc', file, '--year', '2026');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('市商务局');

    const registered = await luoshi('import', 'doc', file, '--year', '2026', '--skip-unmatched');
    expect(registered.code).toBe(0);
    expect(registered.out).toMatch(/Registered source #\d+ .*: 2 tasks created, 0 updated \(drafts\)/);

    const twice = await luoshi('import', 'doc', file, '--year', '2026', '--skip-unmatched');
    expect(twice.code).toBe(1);
    const again = await luoshi('import', 'doc', file, '--year', '2026', '--skip-unmatched', '--again');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 tasks created, 2 updated/);
  });
});
