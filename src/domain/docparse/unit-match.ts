import { bigramProfile, diceOfProfiles } from '../text-similarity.js';
import { unitListVariants } from './unit-list-variants.js';

// Matching a unit name as a document writes it (`市发改委`, `工业和信息化局`, `黄埔区`) to the
// organisation's unit tree (issue 6 item 3). Pure: the caller passes the active units. The tiers go
// from certain to likely — exact name, short name, alias, the list's own context, normalised forms,
// abbreviation, then bigram similarity — and the first tier with any hit decides. One hit is a
// match; several hits in the same tier, or two fuzzy scores too close to call, are "ambiguous" and
// left to a person: the matcher never guesses between close candidates.

/** A unit as the matcher sees it. */
export interface MatchableUnit {
  id: number;
  name: string;
  shortName: string | null;
  aliases: readonly string[];
}

/** How a candidate was found, from the most to the least certain. */
export type MatchVia = 'name' | 'short_name' | 'alias' | 'context' | 'normalised' | 'abbreviation' | 'fuzzy';

export interface UnitCandidate {
  unitId: number;
  name: string;
  /** 1 for an exact hit, lower for the looser tiers (the Dice coefficient for fuzzy ones). */
  score: number;
  via: MatchVia;
}

export interface UnitMatch {
  status: 'matched' | 'ambiguous' | 'unknown';
  /** Set when matched. */
  unitId?: number;
  /** Best first: the tied units when ambiguous, suggestions when unknown. */
  candidates: UnitCandidate[];
}

/** Fuzzy matching: accept at or above `accept` when the runner-up is `margin` behind; suggest from `suggest`. */
export const FUZZY = { accept: 0.8, suggest: 0.4, margin: 0.1, maxCandidates: 5 } as const;

const TIER_SCORES = { name: 1, short_name: 1, alias: 1, context: 0.97, normalised: 0.95, abbreviation: 0.9 } as const;

/** Administrative prefixes a document drops once the level is clear (`市发改委、财政局`). */
const PREFIX = /^[省市区县]/;

/** The name compared character by character: compatibility forms folded (（→(), spaces removed. */
function clean(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** The comparable key: 人民政府 = 政府, 委员会 = 委, 办公室 = 办, a leading 各 dropped. */
export function unitKey(name: string): string {
  return clean(name)
    .replace(/^各/, '')
    .replace(/人民政府/g, '政府')
    .replace(/委员会/g, '委')
    .replace(/办公室/g, '办');
}

/**
 * The ways two keys may be compared: as written, or with one side's administrative prefix
 * dropped — never both, so `区教育局` and `市教育局` do not meet at `教育局`.
 */
function comparablePairs(written: string, unit: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [[written, unit]];
  if (PREFIX.test(unit) && unit.length > 3) pairs.push([written, unit.slice(1)]);
  if (PREFIX.test(written) && written.length > 3) pairs.push([written.slice(1), unit]);
  if (PREFIX.test(written) && written[0] === unit[0]) pairs.push([written.slice(1), unit.slice(1)]);
  return pairs;
}

/**
 * True when `short` reads as an abbreviation (简称) of `full`: the same first and last character
 * (so the same kind of body: 委, 局, 办) and every character of `short` in `full`, in order —
 * 发改委 ← 发展和改革委, 住建局 ← 住房和城乡建设局, 市场监管局 ← 市场监督管理局.
 */
export function isAbbreviation(short: string, full: string): boolean {
  if (short.length < 2 || short.length >= full.length) return false;
  if (short[0] !== full[0] || short.at(-1) !== full.at(-1)) return false;
  let at = 0;
  for (const char of short) {
    at = full.indexOf(char, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

interface IndexedUnit {
  unit: MatchableUnit;
  exact: { name: string; short: string | null; aliases: string[] };
  keys: string[];
  profiles: ReturnType<typeof bigramProfile>[];
}

/** The units prepared once for many look-ups (keys and bigram profiles computed ahead). */
export interface UnitIndex {
  units: IndexedUnit[];
}

/** Prepares the active units for matching. */
export function buildUnitIndex(units: readonly MatchableUnit[]): UnitIndex {
  return {
    units: units.map((unit) => {
      const forms = [unit.name, unit.shortName, ...unit.aliases].filter((f): f is string => Boolean(f?.trim()));
      const keys = [...new Set(forms.map(unitKey))];
      return {
        unit,
        exact: {
          name: clean(unit.name),
          short: unit.shortName ? clean(unit.shortName) : null,
          aliases: unit.aliases.map(clean),
        },
        keys,
        profiles: keys.map(bigramProfile),
      };
    }),
  };
}

function candidate(entry: IndexedUnit, via: MatchVia, score: number = TIER_SCORES[via as keyof typeof TIER_SCORES]) {
  return { unitId: entry.unit.id, name: entry.unit.name, score, via };
}

function decide(hits: UnitCandidate[]): UnitMatch {
  const [only] = hits;
  if (hits.length === 1 && only) return { status: 'matched', unitId: only.unitId, candidates: hits };
  return { status: 'ambiguous', candidates: hits.sort((a, b) => a.name.localeCompare(b.name, 'zh')) };
}

/** The exact tiers for one written form: name, then short name, then alias. */
function exactHits(index: UnitIndex, written: string): UnitCandidate[] {
  const form = clean(written);
  for (const via of ['name', 'short_name', 'alias'] as const) {
    const hits = index.units.filter((entry) =>
      via === 'name'
        ? entry.exact.name === form
        : via === 'short_name'
          ? entry.exact.short === form
          : entry.exact.aliases.includes(form),
    );
    if (hits.length > 0) return hits.map((entry) => candidate(entry, via));
  }
  return [];
}

/** Units some key of which meets one of the written keys under `test` (pairs from comparablePairs). */
function keyHits(index: UnitIndex, keys: string[], via: MatchVia, test: (w: string, u: string) => boolean) {
  return index.units
    .filter((entry) => keys.some((w) => entry.keys.some((u) => comparablePairs(w, u).some(([a, b]) => test(a, b)))))
    .map((entry) => candidate(entry, via));
}

/** Bigram similarity of the written keys to every unit: the best score per unit, best first. */
function fuzzyScores(index: UnitIndex, keys: string[]): UnitCandidate[] {
  const written = keys.map(bigramProfile);
  const scored = index.units.map((entry) => {
    let best = 0;
    for (const w of written) for (const u of entry.profiles) best = Math.max(best, diceOfProfiles(w, u));
    return candidate(entry, 'fuzzy', Math.round(best * 100) / 100);
  });
  return scored.filter((c) => c.score >= FUZZY.suggest).sort((a, b) => b.score - a.score);
}

/**
 * Matches one written unit name. `variants` are the forms its list implies (see
 * unitListVariants: a shared suffix or a dropped prefix restored); they count after the exact tiers.
 */
export function matchUnitName(index: UnitIndex, written: string, variants: readonly string[] = []): UnitMatch {
  const exact = exactHits(index, written);
  if (exact.length > 0) return decide(exact);
  const context = variants.flatMap((variant) => exactHits(index, variant));
  const contextIds = new Set(context.map((c) => c.unitId));
  if (context.length > 0)
    return decide(index.units.filter((e) => contextIds.has(e.unit.id)).map((e) => candidate(e, 'context')));
  const keys = [...new Set([written, ...variants].map(unitKey).filter(Boolean))];
  const normalised = keyHits(index, keys, 'normalised', (a, b) => a === b);
  if (normalised.length > 0) return decide(normalised);
  const abbreviated = keyHits(index, keys, 'abbreviation', isAbbreviation);
  if (abbreviated.length > 0) return decide(abbreviated);
  const fuzzy = fuzzyScores(index, keys).slice(0, FUZZY.maxCandidates);
  const [best, second] = fuzzy;
  if (!best || best.score < FUZZY.accept) return { status: 'unknown', candidates: fuzzy };
  if (second && best.score - second.score < FUZZY.margin) {
    return { status: 'ambiguous', candidates: fuzzy.filter((c) => best.score - c.score < FUZZY.margin) };
  }
  return { status: 'matched', unitId: best.unitId, candidates: fuzzy };
}

/** One list of unit names from an item, with the parser's shared-affix expansion when it wrote one out. */
export interface WrittenUnitList {
  names: readonly string[];
  /** Same length as `names`: each name in full (`黄埔区` → `黄埔区政府`). */
  expanded?: readonly string[] | undefined;
}

/**
 * Matches every unit name of a document, list by list (an item's lead list, its cooperating
 * list): each name once, keyed as written, with the context of the first list it appears in.
 */
export function matchUnitLists(
  units: readonly MatchableUnit[],
  lists: ReadonlyArray<readonly string[] | WrittenUnitList>,
): Map<string, UnitMatch> {
  const index = buildUnitIndex(units);
  const result = new Map<string, UnitMatch>();
  for (const entry of lists) {
    const list: WrittenUnitList = 'names' in entry ? entry : { names: entry };
    const variants = unitListVariants(list.names);
    list.names.forEach((written, i) => {
      if (!written.trim() || result.has(written)) return;
      const expanded = list.expanded?.length === list.names.length ? list.expanded[i] : undefined;
      const forms = [...(expanded && expanded !== written ? [expanded] : []), ...(variants[i] ?? [])];
      result.set(written, matchUnitName(index, written, [...new Set(forms)]));
    });
  }
  return result;
}
