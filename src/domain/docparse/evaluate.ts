// Scoring the parser against hand annotations (issue 6 item 7). Structure: an item counts when an
// annotated item has the same path, marker and title (titles compared after normalisation: width,
// spacing, pinyin artefacts and trailing punctuation do not count); precision and recall over
// items. Units: lead and cooperating sets of every item either side gives units to. Deadlines: the
// phrase and the ISO date of every item either side gives a deadline to. Alternatives the notes
// name (annotation rule 8) count as correct.

/** An annotated item, as in the fixtures' `*.expected.json`. */
export interface ExpectedItem {
  path: string;
  marker: string | null;
  title: string;
  lead: string[];
  cooperating: string[];
  deadline: string | null;
  deadline_iso: string | null;
  children: ExpectedItem[];
}

/** What is scored of a document: the parser's output has these fields too. */
export interface ScoredDocument {
  year: number | null;
  items: ExpectedItem[];
}

export type AlternativeFields = Partial<Pick<ExpectedItem, 'lead' | 'cooperating' | 'deadline' | 'deadline_iso'>>;

/** Alternatives a fixture's notes accept: item fields by path, the year, grouping nodes that may be absent. */
export interface Alternatives {
  year?: (number | null)[];
  items?: Record<string, AlternativeFields[]>;
  optionalNodes?: string[];
}

export interface Tally {
  correct: number;
  total: number;
}

export interface DocumentScore {
  expected: number;
  predicted: number;
  matched: number;
  units: Tally;
  deadlinePhrase: Tally;
  deadlineIso: Tally;
  year: Tally;
  /** What differed, one line each (for the per-fixture tests and for reading the scores). */
  mismatches: string[];
}

interface FlatItem extends Omit<ExpectedItem, 'children'> {
  /** The path in the annotation, which alternatives refer to (a dropped grouping node renumbers). */
  key: string;
}

const PINYIN = /[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+[)）]/g;

/** A title as compared: NFKC widths, no spacing, no pinyin artefacts (`網(wǎng)`), no trailing punctuation. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(PINYIN, '')
    .replace(/\s+/g, '')
    .replace(/[;;,,、.。]+$/, '');
}

function flatten(items: readonly ExpectedItem[], prefix = '', keys: readonly string[] = []): FlatItem[] {
  return items.flatMap((item, i) => {
    const path = `${prefix}${i + 1}`;
    const key = keys[i] ?? item.path;
    const { children, ...fields } = item;
    return [
      { ...fields, path, key },
      ...flatten(
        children,
        `${path}.`,
        children.map((c) => c.path),
      ),
    ];
  });
}

/** The annotation with an optional grouping node removed: its children take its place. */
function withoutNode(items: readonly ExpectedItem[], path: string): ExpectedItem[] {
  return items.flatMap((item) =>
    item.path === path ? item.children : [{ ...item, children: withoutNode(item.children, path) }],
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const norm = (names: readonly string[]) =>
    [...new Set(names.map((n) => n.normalize('NFKC').replace(/\s+/g, '')))].sort();
  return norm(a).join('\u0001') === norm(b).join('\u0001');
}

function accepted<K extends keyof AlternativeFields>(field: K, expected: FlatItem, alts: readonly AlternativeFields[]) {
  return [expected[field], ...alts.filter((alt) => field in alt).map((alt) => alt[field])] as FlatItem[K][];
}

function tally(t: Tally, ok: boolean): void {
  t.total += 1;
  if (ok) t.correct += 1;
}

function scoreFields(
  score: DocumentScore,
  exp: FlatItem,
  got: FlatItem | undefined,
  alts: readonly AlternativeFields[],
): void {
  const leads = accepted('lead', exp, alts);
  const coops = accepted('cooperating', exp, alts);
  if (leads.some((l) => l.length) || coops.some((c) => c.length) || got?.lead.length || got?.cooperating.length) {
    for (const [field, options] of [
      ['lead', leads],
      ['cooperating', coops],
    ] as const) {
      const ok = !!got && options.some((names) => sameList(got[field], names));
      tally(score.units, ok);
      if (!ok)
        score.mismatches.push(
          `${exp.key} ${field}: got ${got?.[field].join('、') ?? '(no item)'}, want ${exp[field].join('、')}`,
        );
    }
  }
  const phrases = accepted('deadline', exp, alts);
  const isos = accepted('deadline_iso', exp, alts);
  if (!phrases.some((p) => p !== null) && !got?.deadline) return;
  const phraseOk = !!got && phrases.some((p) => (p ?? '') === (got.deadline ?? ''));
  const isoOk = !!got && isos.some((d) => (d ?? '') === (got.deadline_iso ?? ''));
  tally(score.deadlinePhrase, phraseOk);
  tally(score.deadlineIso, isoOk);
  if (!phraseOk || !isoOk) {
    score.mismatches.push(
      `${exp.key} deadline: got ${got?.deadline} ${got?.deadline_iso}, want ${exp.deadline} ${exp.deadline_iso}`,
    );
  }
}

function itemKey(item: Pick<FlatItem, 'path' | 'marker' | 'title'>): string {
  return `${item.path}|${item.marker ?? ''}|${normaliseTitle(item.title)}`;
}

function scoreVariant(expected: ExpectedItem[], predicted: ScoredDocument, alternatives: Alternatives): DocumentScore {
  const exp = flatten(expected);
  const got = new Map(flatten(predicted.items).map((item) => [itemKey(item), item]));
  const score: DocumentScore = {
    expected: exp.length,
    predicted: got.size,
    matched: 0,
    units: { correct: 0, total: 0 },
    deadlinePhrase: { correct: 0, total: 0 },
    deadlineIso: { correct: 0, total: 0 },
    year: { correct: 0, total: 0 },
    mismatches: [],
  };
  for (const item of exp) {
    const match = got.get(itemKey(item));
    if (match) score.matched += 1;
    else score.mismatches.push(`${item.key} missing: ${item.marker ?? '(no marker)'} ${item.title}`);
    scoreFields(score, item, match, alternatives.items?.[item.key] ?? []);
  }
  return score;
}

function f1(score: DocumentScore): number {
  const sum = score.expected + score.predicted;
  return sum === 0 ? 1 : (2 * score.matched) / sum;
}

/**
 * How well `predicted` matches the annotation: the best over the accepted variants of the tree
 * (with and without each optional grouping node), with field alternatives counted as correct.
 */
export function evaluateDocument(
  expected: ScoredDocument,
  predicted: ScoredDocument,
  alternatives: Alternatives = {},
): DocumentScore {
  const variants = [
    expected.items,
    ...(alternatives.optionalNodes ?? []).map((path) => withoutNode(expected.items, path)),
  ];
  const scores = variants.map((items) => scoreVariant(items, predicted, alternatives));
  const best = scores.reduce((a, b) => (f1(b) > f1(a) ? b : a));
  const years = [expected.year, ...(alternatives.year ?? [])];
  tally(best.year, years.includes(predicted.year));
  if (!years.includes(predicted.year)) best.mismatches.push(`year: got ${predicted.year}, want ${expected.year}`);
  return best;
}
