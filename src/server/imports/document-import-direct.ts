import type { z } from 'zod';
import type { ParsedItem } from '../../domain/docparse/types.js';
import type { UnitMatch } from '../../domain/docparse/unit-match.js';
import type { importItemSchema } from '../../shared/document-import-api.js';

type ImportItem = z.input<typeof importItemSchema>;

/**
 * The register request for a parsed tree taken as it is, with no review step (the CLI): each item's
 * units from their matches. Names that match no unit, or several, are returned instead of guessed;
 * with `skipUnmatched` the items are registered without those units.
 */
export function itemsAsParsed(
  items: readonly ParsedItem[],
  units: ReadonlyMap<string, UnitMatch>,
): { items: ImportItem[]; unmatched: string[] } {
  const unmatched = new Set<string>();
  const idOf = (name: string) => {
    const match = units.get(name);
    if (match?.status === 'matched' && match.unitId !== undefined) return match.unitId;
    unmatched.add(name);
    return null;
  };
  const convert = (item: ParsedItem): ImportItem => {
    const leads = item.lead.map(idOf).filter((id): id is number => id !== null);
    const cooperating = item.cooperating.map(idOf).filter((id): id is number => id !== null);
    // Several leads (分别牵头): the first leads, the others cooperate — a task has one lead unit.
    const [lead, ...otherLeads] = leads;
    return {
      title: item.title.trim() || item.marker || '—',
      body: item.body.trim() || null,
      leadUnitId: lead ?? null,
      cooperatingUnitIds: [...new Set([...otherLeads, ...cooperating])].filter((id) => id !== lead),
      deadline: item.deadline_iso,
      ongoing: item.ongoing,
      children: item.children.map(convert),
    };
  };
  const converted = items.map(convert);
  return { items: converted, unmatched: [...unmatched] };
}
