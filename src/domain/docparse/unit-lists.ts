// Lists of unit names as documents write them (issue 6 item 3): split on 、 , ; 及 and newlines but
// never inside parentheses (各县(市、区)政府 is one name), remarks and role words cut off, names
// kept literal. The expansion of shared prefixes and suffixes is offered separately, for matching
// names to the unit tree, because the annotation keeps what the document says.

const OPENERS = '(（〔[【';
const CLOSERS = ')）〕]】';

/** Splits `text` at depth-0 characters matching `separator` (a one-character test). */
function splitAtDepthZero(text: string, isSeparator: (ch: string, rest: string) => number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (OPENERS.includes(ch)) depth += 1;
    else if (CLOSERS.includes(ch) && depth > 0) depth -= 1;
    if (depth > 0) continue;
    const width = isSeparator(ch, text.slice(i));
    if (width === 0) continue;
    parts.push(text.slice(start, i));
    start = i + width;
    i += width - 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Role words that end a list (`X分别牵头`, `X按职责分工负责`): cut off the last name. */
export const ROLE_SUFFIX =
  /(分别牵头|分別牽頭|牵头督导|牽頭督導|牵头负责|牽頭負責|牵头|牽頭|按职责分工负责|按職責分工負責|分工负责|分工負責|负责落实|負責落實|具体负责|具體負責|分别负责|分別負責|负责|負責|配合|参与|參與|协助|協助|协办|協辦)$/;

/**
 * A parenthetical that is a remark rather than part of a name: `(除标注“分别牵头”外,列第一位为牵头
 * 或汇总单位,下同)`. Parts of names are short and plain: `(管委会)`, `(市、区)`.
 */
function isRemark(inner: string): boolean {
  return inner.length > 8 || /[,，;；:：“”"]|牵头|牽頭|下同|负责|負責|单位|單位/.test(inner);
}

function stripTrailingRemark(name: string): string {
  const match = /[(（]([^()（）]*)[)）]$/.exec(name);
  if (!match || !isRemark(match[1] ?? '')) return name;
  return name.slice(0, match.index);
}

/** Words before a name that are not part of it: `由市发改委`, `并由`, `请`. */
const NAME_LEAD_IN = /^(并由|並由|由|请|請|会同|會同)/;

/** One listed name, cleaned: whitespace, lead-in words, remarks and a trailing role word removed. */
export function cleanUnitName(raw: string): string {
  let name = raw.replace(/\s+/g, '').replace(NAME_LEAD_IN, '');
  name = stripTrailingRemark(name);
  name = name.replace(ROLE_SUFFIX, '');
  return stripTrailingRemark(name);
}

function listSeparatorWidth(ch: string, rest: string): number {
  if ('、,，;；\n'.includes(ch)) return 1;
  if (rest.startsWith('以及')) return 2;
  return ch === '及' ? 1 : 0;
}

/**
 * The names in a unit list, literal and in order. A one-character leftover is a name cut off by
 * truncation (`责任单位:市`) and is dropped.
 */
export function splitUnitList(text: string): string[] {
  return splitAtDepthZero(text, listSeparatorWidth)
    .map(cleanUnitName)
    .filter((name) => name.length > 1);
}

const PLACE_END = /^(.*?[省市县縣区區州旗镇鎮乡鄉])(人民政府|政府|管委会|管委會|党委|黨委).*$/u;
const BARE_PLACE = /^各?[\p{Script=Han}]{0,6}[省市县縣区區州旗镇鎮乡鄉]$/u;
const SHARED_PREFIX = /^(各|市|省|县|縣|区|區)/;
const BUREAU_END = /([局委办辦厅廳署院]|中心)$/u;
const BARE_EACH = /^各[\p{Script=Han}]{0,3}[省市县縣区區州旗镇鎮乡鄉]$/u;
/** `区人民政府` after `各县`: a place word alone before the body, sharing the list's 各. */
const SHARES_EACH = /^[县縣区區市州旗镇鎮乡鄉](人民政府|政府|管委会|管委會|党委|黨委)/u;

/** `各县、区人民政府`: the 区 entry follows a bare `各县` and shares its 各. */
function expandEach(names: readonly string[]): string[] {
  return names.map((name, i) =>
    i > 0 && BARE_EACH.test(names[i - 1] ?? '') && SHARES_EACH.test(name) ? `各${name}` : name,
  );
}

function expandSuffixes(names: readonly string[]): string[] {
  const out = [...names];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const suffix = PLACE_END.exec(out[i] ?? '');
    const previous = out[i - 1] ?? '';
    if (!suffix || !BARE_PLACE.test(previous)) continue;
    const tail = (out[i] ?? '').slice(suffix[1]?.length ?? 0);
    out[i - 1] = previous + tail;
  }
  return out;
}

/**
 * A dropped prefix (`市发展和改革局、工业和信息化局`) is restored only when the document drops it
 * throughout the list: if some later bureau keeps its own prefix, a bare one is its own name
 * (`市工商局、宁波电业局`).
 */
function expandPrefixes(names: readonly string[]): string[] {
  const prefix = SHARED_PREFIX.exec(names[0] ?? '')?.[1];
  if (!prefix || prefix === '各') return [...names];
  const bureaus = names.slice(1).filter((name) => BUREAU_END.test(name));
  if (bureaus.length === 0 || bureaus.some((name) => name.startsWith(prefix))) return [...names];
  return names.map((name, i) =>
    i > 0 && BUREAU_END.test(name) && !SHARED_PREFIX.test(name) ? `${prefix}${name}` : name,
  );
}

/**
 * Shared-affix lists written out in full, for matching names to the unit tree: `黄埔区、南沙区政府`
 * → `黄埔区政府、南沙区政府`; `各县、区人民政府(管委会)` → `各县人民政府(管委会)、各区人民政府(管委会)`;
 * `市发展和改革局、工业和信息化局` → `市发展和改革局、市工业和信息化局`. Names that share nothing are
 * returned as they are.
 */
export function expandSharedAffixes(names: readonly string[]): string[] {
  return expandPrefixes(expandSuffixes(expandEach(names)));
}
