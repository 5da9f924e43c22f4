import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Target } from './bench-scenarios.js';

// The bench's table on the terminal and its JSON record in bench/results/.

/** One measured scenario. */
export interface ScenarioResult {
  name: string;
  connections: number;
  example: string;
  target: Target;
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  rssPeakMb: number;
  loadAverage: number;
  pass: boolean;
}

/** One bench run, as written to bench/results/. */
export interface BenchRecord {
  date: string;
  command: string;
  db: 'sqlite' | 'postgres';
  tasks: number;
  durationSeconds: number;
  connections: number;
  /** Server processes (LUOSHI_WORKERS); peak RSS is their sum. */
  workers?: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  generation: { seconds: number | null; reused: boolean; target: number; pass: boolean | null; summary: string };
  rssPeakMb: number;
  rssTargetMb: number;
  scenarios: ScenarioResult[];
  notes: string[];
}

/** The machine the bench ran on. */
export function machineInfo(): BenchRecord['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** Whether a measurement meets its target. */
export function meets(target: Target, p99: number, rps: number, failures: number): boolean {
  return failures === 0 && p99 <= target.p99Ms && (target.minRps === undefined || rps >= target.minRps);
}

function targetText(target: Target): string {
  return `p99 ≤ ${target.p99Ms} ms${target.minRps ? `, ≥ ${target.minRps} req/s` : ''}`;
}

/** The results table, as printed and as pasted into docs/benchmarks.md. */
export function table(record: BenchRecord): string {
  const rows: string[][] = [['scenario', 'conns', 'target', 'p50 ms', 'p99 ms', 'req/s', 'errors', 'result']];
  const gen = record.generation;
  rows.push([
    `generation, ${record.tasks.toLocaleString('en')} tasks`,
    '',
    `≤ ${gen.target} s`,
    gen.seconds === null ? '—' : `${gen.seconds.toFixed(1)} s`,
    '',
    '',
    '',
    gen.pass === null ? 'reused' : gen.pass ? 'pass' : 'FAIL',
  ]);
  for (const s of record.scenarios) {
    rows.push([
      s.name,
      String(s.connections),
      targetText(s.target),
      s.p50.toFixed(1),
      s.p99.toFixed(1),
      Math.round(s.rps).toLocaleString('en'),
      String(s.errors + s.non2xx),
      s.pass ? 'pass' : 'FAIL',
    ]);
  }
  rows.push([
    'server memory (peak RSS)',
    '',
    `≤ ${record.rssTargetMb} MB`,
    `${Math.round(record.rssPeakMb)} MB`,
    '',
    '',
    '',
    record.rssPeakMb <= record.rssTargetMb ? 'pass' : 'FAIL',
  ]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const header = rows[0] ?? [];
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** Writes the record to bench/results/<timestamp>-<db>.json and returns the path. */
export function writeRecord(root: string, record: BenchRecord): string {
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${record.date.replace(/[:.]/g, '-')}-${record.db}.json`);
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
