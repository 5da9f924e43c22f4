// What `luoshi import doc FILE --dry-run` prints (issue 6 item 6): the parse in the shape of the
// fixtures' *.expected.json — year and items with path, marker, title, lead, cooperating,
// deadline, deadline_iso, children — plus the extras the parser knows and the normaliser's change
// list, so a person can check a document before importing it.
import type { NormalisationChange, ParsedDocument, ParsedItem } from './types.js';

/** One item of the report: the fixture fields first, then the extras. */
export interface ReportItem {
  path: string;
  marker: string | null;
  title: string;
  lead: string[];
  cooperating: string[];
  deadline: string | null;
  deadline_iso: string | null;
  children: ReportItem[];
  leaders: string[];
  ongoing: boolean;
  expanded?: { lead: string[]; cooperating: string[] };
  body: string;
  line: number;
}

export interface DryRunReport {
  year: number | null;
  year_source: string | null;
  doc_number: string | null;
  title: string | null;
  items: ReportItem[];
  changes: NormalisationChange[];
}

function reportItem(item: ParsedItem): ReportItem {
  return {
    path: item.path,
    marker: item.marker,
    title: item.title,
    lead: item.lead,
    cooperating: item.cooperating,
    deadline: item.deadline,
    deadline_iso: item.deadline_iso,
    children: item.children.map(reportItem),
    leaders: item.leaders,
    ongoing: item.ongoing,
    ...(item.expanded ? { expanded: item.expanded } : {}),
    body: item.body,
    line: item.line,
  };
}

/** The dry-run report of a parsed document and the changes normalisation made to its text. */
export function buildDryRunReport(parsed: ParsedDocument, changes: readonly NormalisationChange[]): DryRunReport {
  return {
    year: parsed.year,
    year_source: parsed.yearSource,
    doc_number: parsed.docNumber,
    title: parsed.title,
    items: parsed.items.map(reportItem),
    changes: [...changes],
  };
}
