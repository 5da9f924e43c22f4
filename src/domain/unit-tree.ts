/**
 * True when moving the unit with path `unitPath` under the unit with path `targetPath` would put it
 * under itself or one of its own descendants (materialised paths like `/1/7/`).
 */
export function isMoveIntoOwnSubtree(unitPath: string, targetPath: string | null): boolean {
  return targetPath?.startsWith(unitPath) ?? false;
}

/** Cleans a list of aliases: trimmed, blanks and duplicates (and the name itself) dropped, order kept. */
export function normaliseAliases(aliases: readonly string[], name: string): string[] {
  const seen = new Set<string>([name.trim()]);
  const result: string[] = [];
  for (const alias of aliases) {
    const clean = alias.trim();
    if (!clean || seen.has(clean)) continue;
    seen.add(clean);
    result.push(clean);
  }
  return result;
}
