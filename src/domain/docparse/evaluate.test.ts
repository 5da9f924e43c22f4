import { describe, expect, it } from 'vitest';
import { type CorpusDocument, loadCorpus, SHARED_DIR, UNSEEN_DIR } from './corpus.test-support.js';
import {
  type DocumentScore,
  type ExpectedItem,
  evaluateDocument,
  normaliseTitle,
  type ScoredDocument,
} from './evaluate.js';
import { addScores, precisionRecall, ratio } from './evaluate-totals.js';
import { normaliseText } from './normalise.js';
import { parseDocument } from './parse-document.js';

function item(path: string, marker: string, title: string, fields: Partial<ExpectedItem> = {}): ExpectedItem {
  return {
    path,
    marker,
    title,
    lead: [],
    cooperating: [],
    deadline: null,
    deadline_iso: null,
    children: [],
    ...fields,
  };
}

const EXPECTED: ScoredDocument = {
  year: 2026,
  items: [
    item('1', '一、', '总体要求', {
      children: [
        item('1.1', '1.', '加强领导', {
          lead: ['市发改委'],
          cooperating: ['市财政局'],
          deadline: '6月底前',
          deadline_iso: '2026-06-30',
        }),
      ],
    }),
    item('2', '二、', '保障措施'),
  ],
};

describe(evaluateDocument.name, () => {
  it('should score a perfect parse as 1 everywhere', () => {
    const score = evaluateDocument(EXPECTED, EXPECTED);
    expect([score.matched, score.expected, score.predicted]).toEqual([3, 3, 3]);
    expect([ratio(score.units), ratio(score.deadlinePhrase), ratio(score.deadlineIso), ratio(score.year)]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(score.mismatches).toEqual([]);
  });

  it('should count an item with a different title as missing and as extra', () => {
    const predicted = { ...EXPECTED, items: [EXPECTED.items[0] as ExpectedItem, item('2', '二、', '工作措施')] };
    const score = evaluateDocument(EXPECTED, predicted);
    expect(precisionRecall(score)).toEqual({ precision: 2 / 3, recall: 2 / 3 });
    expect(score.mismatches).toContain('2 missing: 二、 保障措施');
  });

  it('should mark wrong units and a wrong date, and accept an alternative the notes name', () => {
    const wrong = item('1.1', '1.', '加强领导', {
      lead: ['市财政局'],
      cooperating: ['市发改委'],
      deadline: '6月底前',
      deadline_iso: '2026-06-01',
    });
    const predicted = {
      ...EXPECTED,
      items: [{ ...(EXPECTED.items[0] as ExpectedItem), children: [wrong] }, EXPECTED.items[1] as ExpectedItem],
    };
    const plain = evaluateDocument(EXPECTED, predicted);
    expect([plain.units, plain.deadlinePhrase, plain.deadlineIso]).toEqual([
      { correct: 0, total: 2 },
      { correct: 1, total: 1 },
      { correct: 0, total: 1 },
    ]);
    const lenient = evaluateDocument(EXPECTED, predicted, {
      items: { '1.1': [{ lead: ['市财政局'], cooperating: ['市发改委'] }] },
    });
    expect(lenient.units).toEqual({ correct: 2, total: 2 });
  });

  it('should accept the tree without an optional grouping node', () => {
    const predicted = {
      ...EXPECTED,
      items: [
        item('1', '1.', '加强领导', (EXPECTED.items[0] as ExpectedItem).children[0]),
        EXPECTED.items[1] as ExpectedItem,
      ],
    };
    expect(evaluateDocument(EXPECTED, predicted).matched).toBe(1);
    const score = evaluateDocument(EXPECTED, predicted, { optionalNodes: ['1'] });
    expect(precisionRecall(score)).toEqual({ precision: 1, recall: 1 });
  });
});

describe(normaliseTitle.name, () => {
  it('should ignore widths, spacing, pinyin artefacts and trailing punctuation', () => {
    expect(normaliseTitle('抓落實應(yīng)當成為 一種責任；')).toBe(normaliseTitle('抓落實應當成為一種責任'));
    expect(normaliseTitle('（一）強化規劃')).toBe('(一)強化規劃');
  });
});

function scoreCorpus(corpus: readonly CorpusDocument[]): DocumentScore {
  return addScores(
    corpus.map((doc) => evaluateDocument(doc.expected, parseDocument(normaliseText(doc.text).text), doc.alternatives)),
  );
}

function summary(score: DocumentScore) {
  const { precision, recall } = precisionRecall(score);
  return {
    precision,
    recall,
    units: ratio(score.units),
    deadlinePhrase: ratio(score.deadlinePhrase),
    deadlineIso: ratio(score.deadlineIso),
    year: ratio(score.year),
  };
}

// Floors a little below what the parser reaches (docs/import.md has the table): every metric is
// at 1.0 on both sets today, so one more miss on a small set fails here. Seen = the shared
// fixtures the parser was built on; unseen = documents annotated before the parser first ran on
// them (test/fixtures/documents).
const FLOORS = {
  seen: { precision: 0.95, recall: 0.95, units: 0.95, deadlinePhrase: 0.95, deadlineIso: 0.95, year: 0.95 },
  unseen: { precision: 0.95, recall: 0.95, units: 0.95, deadlinePhrase: 0.95, deadlineIso: 0.95, year: 0.95 },
};

function annotatedPaths(items: readonly ExpectedItem[]): string[] {
  return items.flatMap((it) => [it.path, ...annotatedPaths(it.children)]);
}

describe('parser evaluation', () => {
  it('should only name alternatives for items the annotations have', () => {
    for (const doc of [...loadCorpus(SHARED_DIR), ...loadCorpus(UNSEEN_DIR)]) {
      const paths = annotatedPaths(doc.expected.items);
      const named = [...Object.keys(doc.alternatives.items ?? {}), ...(doc.alternatives.optionalNodes ?? [])];
      expect(
        named.filter((path) => !paths.includes(path)),
        doc.name,
      ).toEqual([]);
    }
  });

  it.each([
    ['seen', SHARED_DIR, FLOORS.seen],
    ['unseen', UNSEEN_DIR, FLOORS.unseen],
  ] as const)('should keep the %s corpus at or above its floors', (label, dir, floors) => {
    const corpus = loadCorpus(dir);
    const score = scoreCorpus(corpus);
    const reached = summary(score);
    console.info(label, corpus.length, 'documents', score.expected, 'items', reached, score.mismatches);
    for (const [metric, floor] of Object.entries(floors)) {
      expect(reached[metric as keyof typeof reached], metric).toBeGreaterThanOrEqual(floor);
    }
  });
});
