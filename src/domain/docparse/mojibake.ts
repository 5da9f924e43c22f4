import { isCommonHan, isHan, isKana } from './cjk-chars.js';
import { redecode } from './mojibake-redecode.js';
import type { TextEdit } from './text-edits.js';

// Mojibake: text decoded with the wrong code page or from the wrong byte. It shows as clusters of
// characters that Chinese prose does not contain — rare ideographs, kana, a `?` or a lone Latin
// letter wedged between Han characters. Each cluster is reported (`mojibake_suspect`); it is
// repaired (`mojibake`) only where a re-decoding of part of it gives clean text (see
// mojibake-redecode.ts), and whatever the repair does not cover stays reported.

const STRONG = 2;
const WEAK = 1;
/** Odd characters at most this far apart form one cluster. */
const CLUSTER_GAP = 4;
/** A weak odd character this close before or after a cluster is taken into it. */
const REACH = 8;
const MAX_WINDOW = 48;
/**
 * A repair may start this far before the first odd character: mis-decoded bytes often yield
 * common characters too (UTF-8 `市发` read as GBK is `甯傚`, and only the third is rare).
 */
const LEAD_IN = 6;
const ODD_SYMBOLS = new Set('^`|\\~@#_{}<>[]$');

/** Windows-1252 characters that stand for the continuation bytes 0x80–0xBF of UTF-8. */
const CP1252_CONTINUATION = new Set(
  '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178\ufffd',
);

/** `å¸` and the like: the lead byte of a UTF-8 sequence read as Windows-1252, then a continuation. */
function isUtf8LeadAsLatin(ch: string, next: string): boolean {
  const code = ch.charCodeAt(0);
  const after = next.charCodeAt(0);
  const continues = (after >= 0x80 && after <= 0xbf) || CP1252_CONTINUATION.has(next);
  return code >= 0xc2 && code <= 0xef && continues;
}

/** How strongly one character suggests mis-decoding, given its neighbours (0 = not at all). */
function oddness(text: string, i: number): number {
  const ch = text[i] ?? '';
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  const code = ch.charCodeAt(0);
  const nearHan = isHan(prev) || isHan(next);
  if (ch === '\uFFFD' || isKana(ch) || (code >= 0xe000 && code <= 0xf8ff)) return STRONG;
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  if (isHan(ch)) return isCommonHan(ch) ? 0 : STRONG;
  if (code >= 0xac00 && code <= 0xd7a3) return nearHan ? STRONG : 0;
  if (isUtf8LeadAsLatin(ch, next)) return STRONG;
  if (ch === '?') return isHan(prev) ? WEAK : 0;
  if (/[A-Za-z]/.test(ch)) return isHan(prev) && isHan(next) ? WEAK : 0;
  if (ODD_SYMBOLS.has(ch)) return nearHan ? WEAK : 0;
  if ((code >= 0x0370 && code <= 0x04ff) || (code >= 0x2500 && code <= 0x257f)) return nearHan ? WEAK : 0;
  return 0;
}

interface Cluster {
  start: number;
  end: number;
}

/** Clusters of odd characters on one line that hold enough evidence to be reported. */
function findClusters(text: string, lineStart: number, lineEnd: number, weights: Map<number, number>): Cluster[] {
  const odd: number[] = [];
  for (let i = lineStart; i < lineEnd; i += 1) {
    const weight = oddness(text, i);
    if (weight > 0) {
      odd.push(i);
      weights.set(i, weight);
    }
  }
  const clusters: Cluster[] = [];
  let members: number[] = [];
  const flush = () => {
    const strong = members.filter((i) => weights.get(i) === STRONG).length;
    const weak = members.length - strong;
    const first = members[0];
    const last = members[members.length - 1];
    if (first !== undefined && last !== undefined && (strong >= 2 || (strong >= 1 && weak >= 2))) {
      clusters.push({ start: first, end: last + 1 });
    }
    members = [];
  };
  for (const i of odd) {
    const last = members[members.length - 1];
    if (last !== undefined && i - last > CLUSTER_GAP) flush();
    members.push(i);
  }
  flush();
  const merged: Cluster[] = [];
  for (const cluster of clusters.map((c) => widen(c, odd))) {
    const last = merged[merged.length - 1];
    if (last && cluster.start <= last.end) last.end = Math.max(last.end, cluster.end);
    else merged.push(cluster);
  }
  return merged;
}

/** Takes stray odd characters just before or after a cluster into it. */
function widen(cluster: Cluster, odd: readonly number[]): Cluster {
  let { start, end } = cluster;
  for (const i of odd) {
    if (i < start && start - i <= REACH) start = i;
    if (i >= end && i - (end - 1) <= REACH) end = i + 1;
  }
  return { start, end };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i += 1) out.push(i);
  return out;
}

interface Repair {
  start: number;
  end: number;
  text: string;
  how: string;
  /** Evidence (odd-character weight) inside the window. */
  covered: number;
  /** Characters taken in before the cluster's first odd one. */
  leadIn: number;
}

/** Most evidence first, then the least reach before the cluster, then the longest window. */
function isBetter(candidate: Omit<Repair, 'text' | 'how'>, best: Repair | null): boolean {
  if (!best) return true;
  if (candidate.covered !== best.covered) return candidate.covered > best.covered;
  if (candidate.leadIn !== best.leadIn) return candidate.leadIn < best.leadIn;
  return candidate.end - candidate.start > best.end - best.start;
}

/**
 * The repair window that re-decodes cleanly and covers the most evidence. Starting before the
 * cluster is a last resort: in GBK almost any pair of high bytes is a common character, so a
 * window that also re-reads sound text before the cluster would "decode cleanly" too. Among
 * equals the longest wins (more bytes agreeing), trimmed of what the re-decoding left unchanged.
 */
function bestRepair(text: string, cluster: Cluster, weights: Map<number, number>): Repair | null {
  let best: Repair | null = null;
  const newline = text.indexOf('\n', cluster.end);
  const lineEnd = newline === -1 ? text.length : newline;
  const lineStart = text.lastIndexOf('\n', cluster.start - 1) + 1;
  const firstStart = Math.max(lineStart, cluster.start - LEAD_IN);
  const starts = [...range(cluster.start, cluster.end - 1), ...range(firstStart, cluster.start - 1).reverse()];
  for (const start of starts) {
    for (let end = Math.min(cluster.end + 2, lineEnd); end >= cluster.end; end -= 1) {
      if (end - start > MAX_WINDOW || end - start < 2) continue;
      let covered = 0;
      for (let i = start; i < end; i += 1) covered += weights.get(i) ?? 0;
      const candidate = { start, end, covered, leadIn: Math.max(0, cluster.start - start) };
      if (!isBetter(candidate, best)) continue;
      const found = redecode(text.slice(start, end));
      if (found) best = { ...candidate, text: found.text, how: found.how };
    }
  }
  return best && trimUnchanged(text, best);
}

/** Drops the leading and trailing characters a repair gave back unchanged. */
function trimUnchanged(text: string, repair: Repair): Repair {
  let { start, end, text: after } = repair;
  while (start < end && after.length > 0 && text[start] === after[0]) {
    start += 1;
    after = after.slice(1);
  }
  while (end > start && after.length > 0 && text[end - 1] === after[after.length - 1]) {
    end -= 1;
    after = after.slice(0, -1);
  }
  return { ...repair, start, end, text: after };
}

/** A report-only edit for a span the normaliser could not prove a repair for. */
function suspect(text: string, start: number, end: number): TextEdit {
  return { kind: 'mojibake_suspect', start, end, after: text.slice(start, end) };
}

/** Edits for one cluster: the proven repair, plus suspects for odd characters it leaves out. */
function editsForCluster(text: string, cluster: Cluster, weights: Map<number, number>): TextEdit[] {
  const repair = bestRepair(text, cluster, weights);
  if (!repair) return [suspect(text, cluster.start, cluster.end)];
  const edits: TextEdit[] = [];
  const hasOdd = (from: number, to: number) => [...weights.keys()].some((i) => i >= from && i < to);
  if (hasOdd(cluster.start, repair.start)) edits.push(suspect(text, cluster.start, repair.start));
  edits.push({ kind: 'mojibake', start: repair.start, end: repair.end, after: repair.text, note: repair.how });
  if (hasOdd(repair.end, cluster.end)) edits.push(suspect(text, repair.end, cluster.end));
  return edits;
}

/**
 * Mojibake in a text (issue 6 item 1): repairs proven by re-decoding, suspects reported as they
 * are. Works line by line; clean text costs one pass of cheap character checks.
 */
export function findMojibake(text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const weights = new Map<number, number>();
    for (const cluster of findClusters(text, lineStart, lineEnd, weights)) {
      edits.push(...editsForCluster(text, cluster, weights));
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return edits;
}
