// Who is responsible for an item (issue 6 item 3; annotation rule 4). Three ways of writing it:
// labelled fields (`牵头单位:X;配合单位:Y`, `责任单位:X`), role brackets (`〔X牵头,Y参与〕`) and role
// clauses in prose (`由X牵头,Y配合`). Persons (责任领导, 牵头领导, 项目责任人…) go to `leaders`, never
// to units. When no list says 牵头, the first unit of the first list is the lead.
import { bracketSpans, type Span } from './brackets.js';
import { ROLE_SUFFIX, splitUnitList } from './unit-lists.js';

type ListRole = 'lead' | 'responsible' | 'cooperating' | 'leaders';

interface UnitList {
  role: ListRole;
  names: string[];
  at: number;
}

/** The people and units an item names, in order of appearance. */
export interface Responsibility {
  lead: string[];
  cooperating: string[];
  leaders: string[];
}

const LABELS: ReadonlyArray<[ListRole, string]> = [
  [
    'leaders',
    '责任领导|責任領導|牵头领导|牽頭領導|牵头市领导|牽頭市領導|分管领导|分管領導|联系领导|聯繫領導|项目责任人|項目責任人|责任人|責任人|负责人|負責人',
  ],
  ['lead', '牵头单位|牽頭單位|牵头部门|牽頭部門|主责单位|主責單位|主办单位|主辦單位|牵头|牽頭'],
  ['responsible', '责任单位|責任單位|责任部门|責任部門|承办单位|承辦單位|实施单位|實施單位|落实单位|落實單位'],
  [
    'cooperating',
    '配合单位|配合單位|配合部门|配合部門|协办单位|協辦單位|参与单位|參與單位|协同单位|協同單位|协助单位|協助單位|配合',
  ],
];

const LABEL_ROLE = new Map<string, ListRole>(
  LABELS.flatMap(([role, words]) => words.split('|').map((word): [string, ListRole] => [word, role])),
);
const LABEL_WORDS = [...LABEL_ROLE.keys()].sort((a, b) => b.length - a.length).join('|');
/** A label starts a field: at a line start or after punctuation, spacing or an opening bracket. */
const LABEL = new RegExp(`(?<=^|[\\s(（〔\\[【;；,，。、|])(${LABEL_WORDS})\\s*[:：]`, 'gm');
const HAS_LABEL = new RegExp(LABEL.source, 'm');

/** Role words ending a group in a bracket or a clause; followed by punctuation, not by 部门/的/制. */
const ROLE = new RegExp(`${ROLE_SUFFIX.source.slice(0, -1)}(?=$|[,，;；。、\\s)）〕\\]】])`, 'g');
const LEAD_ROLE = /牵头|牽頭/;
const COOPERATING_ROLE = /^(配合|参与|參與|协助|協助|协办|協辦)$/;

/** Verbs and particles that never occur in a unit name: their presence means running prose. */
const PROSE = /[要的将將把对對需是为為但而并並\d]|以下|不再|任务|任務|情况|情況|完成/;
/** How names of bodies end; prose role clauses only count when every name ends like this. */
const UNIT_END =
  /(局|委|办|辦|厅|廳|部|院|政府|管委会|管委會|中心|处|處|室|署|站|所|队|隊|集团|集團|公司|行|社|会|會|团|團|校|馆|館|园区|園區|街道|乡镇|鄉鎮|县|縣|区|區|市|省|州|旗|单位|單位|部门|部門|专班|專班|小组|小組|指挥部|指揮部)([(（][^()（）]*[)）])?$/;

/**
 * A list that runs to the end of the text was cut off by truncation: a last name too short to be
 * a name and not ending like one (`牵头单位:市发`) is a fragment, not a unit.
 */
function withoutCutName(names: string[], reachesEnd: boolean): string[] {
  const last = names.at(-1) ?? '';
  return reachesEnd && last.length <= 2 && !UNIT_END.test(last) ? names.slice(0, -1) : names;
}

function isUnitList(names: readonly string[], strict: boolean): boolean {
  if (names.length === 0) return false;
  return names.every((name) => name.length <= 30 && !PROSE.test(name) && (!strict || UNIT_END.test(name)));
}

/** The value of a labelled field: up to `;`, `。`, a line end, spacing after a name, or the closing bracket. */
function fieldValue(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if ('(（〔[【'.includes(ch)) depth += 1;
    else if (')）〕]】'.includes(ch)) {
      if (depth === 0) return text.slice(from, i);
      depth -= 1;
    }
    if (depth > 0) continue;
    if (';；。\n|'.includes(ch)) return text.slice(from, i);
    // A space ends the field unless it follows a separator (`市发改委、 市财政局`).
    if (/\s/.test(ch) && i > from && !/[、,，]/.test(text[i - 1] ?? '')) return text.slice(from, i);
  }
  return text.slice(from);
}

function labelledLists(text: string): { lists: UnitList[]; spans: Span[] } {
  const lists: UnitList[] = [];
  const spans: Span[] = [];
  for (const match of text.matchAll(LABEL)) {
    const role = LABEL_ROLE.get(match[1] ?? '') ?? 'responsible';
    const from = (match.index ?? 0) + match[0].length;
    const value = fieldValue(text, from).trim();
    spans.push({ start: match.index ?? 0, end: from + value.length });
    if (role === 'leaders') {
      lists.push({ role, names: value.split(/[、,，;；\s]+/).filter(Boolean), at: match.index ?? 0 });
      continue;
    }
    const suffix = ROLE_SUFFIX.exec(value)?.[1] ?? '';
    const listRole = LEAD_ROLE.test(suffix) ? 'lead' : role;
    const reachesEnd = !text.slice(from + value.length).trim();
    lists.push({ role: listRole, names: withoutCutName(splitUnitList(value), reachesEnd), at: match.index ?? 0 });
  }
  return { lists, spans };
}

function roleOf(word: string): ListRole {
  if (LEAD_ROLE.test(word)) return 'lead';
  return COOPERATING_ROLE.test(word) ? 'cooperating' : 'responsible';
}

/**
 * Role groups in a bracket or clause: each run of names ends with its role word (`X牵头,Y参与`).
 * A list left after a lead group without a role word (often a bracket cut off by truncation)
 * cooperates. `strict` (prose) also requires every name to end like the name of a body.
 */
function roleGroups(text: string, offset: number, strict: boolean): UnitList[] {
  const lists: UnitList[] = [];
  let from = 0;
  for (const match of text.matchAll(ROLE)) {
    const names = splitUnitList(text.slice(from, match.index));
    if (isUnitList(names, strict)) lists.push({ role: roleOf(match[1] ?? ''), names, at: offset + from });
    from = (match.index ?? 0) + match[0].length;
  }
  const rest = splitUnitList(text.slice(from));
  if (lists.some((list) => list.role === 'lead') && isUnitList(rest, strict)) {
    lists.push({ role: 'cooperating', names: rest, at: offset + from });
  }
  return lists;
}

function outside(spans: readonly Span[], start: number, end: number): boolean {
  return spans.every((span) => end <= span.start || start >= span.end);
}

/** Role clauses in prose, outside brackets and labelled fields: `由市发改委牵头,市财政局配合。` */
function proseLists(text: string, masked: readonly Span[]): UnitList[] {
  const lists: UnitList[] = [];
  for (const clause of text.matchAll(/[^。;；\n]+/g)) {
    const start = clause.index ?? 0;
    if (!outside(masked, start, start + clause[0].length)) continue;
    lists.push(...roleGroups(clause[0], start, true));
  }
  return lists;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/** Lists → lead and cooperating: with a 牵头 list the rest cooperate, else the first unit leads. */
function combine(lists: readonly UnitList[]): Responsibility {
  const ordered = [...lists].sort((a, b) => a.at - b.at);
  const leaders = unique(ordered.filter((l) => l.role === 'leaders').flatMap((l) => l.names));
  const units = ordered.filter((l) => l.role !== 'leaders');
  const hasLead = units.some((l) => l.role === 'lead');
  const all = units.flatMap((l) => l.names.map((name) => ({ name, lead: l.role === 'lead' })));
  if (!hasLead) {
    const [first, ...rest] = unique(all.map((u) => u.name));
    return { lead: first ? [first] : [], cooperating: rest, leaders };
  }
  const lead = unique(all.filter((u) => u.lead).map((u) => u.name));
  const cooperating = unique(all.filter((u) => !u.lead && !lead.includes(u.name)).map((u) => u.name));
  return { lead, cooperating, leaders };
}

/** The lead and cooperating units and the leaders an item's own text names. */
export function extractResponsibility(text: string): Responsibility {
  const labelled = labelledLists(text);
  const brackets = bracketSpans(text);
  const lists = [...labelled.lists];
  for (const span of brackets) {
    if (!outside(labelled.spans, span.start, span.end)) continue;
    lists.push(...roleGroups(text.slice(span.start + 1, span.end), span.start + 1, false));
  }
  lists.push(...proseLists(text, [...labelled.spans, ...brackets]));
  return combine(lists);
}

/** Whether a bracket at the start of `text` holds responsibility (a title ends before it). */
export function startsResponsibilityBracket(text: string): boolean {
  const span = bracketSpans(text)[0];
  if (span?.start !== 0) return false;
  const inner = text.slice(1, span.end);
  if (HAS_LABEL.test(inner)) return true;
  return roleGroups(inner, 0, false).length > 0;
}
