// What a list of unit names implies about each name (issue 6 item 3). Documents share parts of
// names across a list: `黄埔区、南沙区政府` means 黄埔区政府 and 南沙区政府; `各县、区人民政府`
// means 各县人民政府 and 各区人民政府; `市发展和改革局、工业和信息化局` drops the 市 of the second.
// The parser keeps names literal (the fixtures' rule); the matcher tries these fuller forms too.

/** A place name's last character: the level a shared suffix attaches to. */
const PLACE_END = /[省市区县镇乡]$/;

/** Bodies a place name can be followed by (the shared suffix starts with one of these). */
const BODY_WORDS = ['人民政府', '政府', '党委', '党工委', '管委会', '委', '人大', '政协', '街道办事处', '办事处'];

/** Administrative prefixes a document drops after the first name. */
const LEVEL_PREFIX = /^[市区县]/;

/** `南沙区政府` → `政府`: the body part after the place, or null when the name is not place + body. */
function sharedSuffixOf(name: string, allowBarePlace: boolean): string | null {
  for (let at = 0; at < name.length - 1; at++) {
    if (!PLACE_END.test(name[at] ?? '')) continue;
    // A bare level (`区人民政府`) shares its suffix only with a list that says 各 (`各县、区…`).
    if (at === 0 && !allowBarePlace) continue;
    const suffix = name.slice(at + 1);
    if (BODY_WORDS.some((word) => suffix.startsWith(word))) return suffix;
  }
  return null;
}

/**
 * For each name of a list, the fuller forms its neighbours imply (possibly none): a place name
 * followed by `X区政府` gets the suffix `政府`; a name after a `市…` first name gets `市` in front.
 */
export function unitListVariants(names: readonly string[]): string[][] {
  const first = names[0] ?? '';
  const prefix = LEVEL_PREFIX.exec(first)?.[0] ?? null;
  return names.map((name, i) => {
    const variants: string[] = [];
    if (PLACE_END.test(name)) {
      for (const next of names.slice(i + 1)) {
        if (PLACE_END.test(next)) continue;
        const suffix = sharedSuffixOf(next, name.startsWith('各'));
        if (suffix) variants.push(`${name}${suffix}`);
        break;
      }
    }
    if (i > 0 && prefix && !/^[省市区县各]/.test(name) && !PLACE_END.test(name)) variants.push(`${prefix}${name}`);
    return variants;
  });
}
