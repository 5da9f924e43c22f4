import type { ImportItem, ParsedItemView, UnitMatchView } from '../../../shared/document-import-api.js';

// The tree a person reviews before registering a document (issue 6 item 4): the parsed items,
// edited in place. Pure functions over an immutable tree, so the screen keeps one state value and
// every edit is testable. Unit names stay as written; a name → unit mapping (matched by the server
// or chosen by hand) turns them into unit ids, unless an item's units were set directly.

/** One item under review. */
export interface DraftItem {
  /** Stable within the session (React keys, edits by id). */
  id: string;
  marker: string | null;
  title: string;
  body: string;
  /** Unit names as written: the first lead is the lead unit, the rest cooperate. */
  leadNames: string[];
  cooperatingNames: string[];
  /** Units chosen directly on this item; when set, its names no longer decide. */
  units: { leadUnitId: number | null; cooperatingUnitIds: number[] } | null;
  /** People named as responsible (for the person choosing the leader). */
  leaderNames: string[];
  responsibleLeaderId: number | null;
  /** The deadline phrase as written (shown beside the date) and the date. */
  deadlinePhrase: string | null;
  deadline: string | null;
  ongoing: boolean;
  isKey: boolean;
  children: DraftItem[];
}

/** Unit name as written → unit id. */
export type UnitMapping = Readonly<Record<string, number | undefined>>;

/** The unit a written name is mapped to (own entries only: a name like `constructor` maps to nothing). */
export function mappedUnit(mapping: UnitMapping, name: string): number | undefined {
  return Object.hasOwn(mapping, name) ? mapping[name] : undefined;
}

let nextId = 0;
function newId(): string {
  nextId += 1;
  return `item-${nextId}`;
}

/** An empty item (for "split by a second title"). */
export function emptyItem(title: string): DraftItem {
  return {
    id: newId(),
    marker: null,
    title,
    body: '',
    leadNames: [],
    cooperatingNames: [],
    units: null,
    leaderNames: [],
    responsibleLeaderId: null,
    deadlinePhrase: null,
    deadline: null,
    ongoing: false,
    isKey: false,
    children: [],
  };
}

/** The parsed tree as drafts. */
export function draftsFromParsed(items: readonly ParsedItemView[]): DraftItem[] {
  return items.map((item) => ({
    ...emptyItem(item.title),
    marker: item.marker,
    body: item.body,
    leadNames: [...item.lead],
    cooperatingNames: [...item.cooperating],
    leaderNames: [...item.leaders],
    deadlinePhrase: item.deadline,
    deadline: item.deadline_iso,
    ongoing: item.ongoing,
    children: draftsFromParsed(item.children),
  }));
}

/** The mapping the server found: every name it matched to exactly one unit. */
export function mappingFromMatches(matches: Readonly<Record<string, UnitMatchView>>): Record<string, number> {
  const mapping: Record<string, number> = {};
  for (const [written, match] of Object.entries(matches)) {
    if (match.status === 'matched' && match.unitId !== undefined) mapping[written] = match.unitId;
  }
  return mapping;
}

/** Every item, parents before children. */
export function flatten(items: readonly DraftItem[]): DraftItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}

/** An item's units: set directly, or its names through the mapping (unmapped names are left out). */
export function unitsOf(
  item: DraftItem,
  mapping: UnitMapping,
): { leadUnitId: number | null; cooperatingUnitIds: number[] } {
  if (item.units) return item.units;
  const ids = (names: readonly string[]) =>
    names.map((name) => mappedUnit(mapping, name)).filter((id): id is number => id !== undefined);
  const [lead = null, ...otherLeads] = ids(item.leadNames);
  const cooperating = [...new Set([...otherLeads, ...ids(item.cooperatingNames)])].filter((id) => id !== lead);
  return { leadUnitId: lead, cooperatingUnitIds: cooperating };
}

/** The written names that still need a unit: used by some item whose units come from its names. */
export function unmappedNames(items: readonly DraftItem[], mapping: UnitMapping): string[] {
  const names = flatten(items)
    .filter((item) => !item.units)
    .flatMap((item) => [...item.leadNames, ...item.cooperatingNames]);
  return [...new Set(names)].filter((name) => mappedUnit(mapping, name) === undefined);
}

/** The tree as the register API takes it. */
export function toImportItems(items: readonly DraftItem[], mapping: UnitMapping): ImportItem[] {
  return items.map((item) => {
    const units = unitsOf(item, mapping);
    return {
      title: item.title.trim(),
      body: item.body.trim() ? item.body : null,
      leadUnitId: units.leadUnitId,
      cooperatingUnitIds: units.cooperatingUnitIds,
      responsibleLeaderId: item.responsibleLeaderId,
      deadline: item.deadline,
      ongoing: item.ongoing,
      isKey: item.isKey,
      children: toImportItems(item.children, mapping),
    };
  });
}
