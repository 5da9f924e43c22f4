// The shapes every part of document import shares (issue 6): the normaliser's change list, the
// parsed item tree (the same fields as the fixtures' *.expected.json in shared/docparse, plus
// extras), and the parsed document. Pure types: no I/O anywhere in src/domain/docparse.

/** One step the normaliser took, for the change list the user sees. Offsets are in the raw text. */
export interface NormalisationChange {
  kind: 'pinyin' | 'width' | 'space' | 'linebreak' | 'mojibake' | 'mojibake_suspect' | 'convert';
  /** Start offset in the original text (UTF-16 code units). */
  offset: number;
  before: string;
  after: string;
  /** A short explanation (e.g. which reading of 網 the removed pinyin was). */
  note?: string;
  /** How many identical changes this entry stands for when they are grouped (absent means one). */
  count?: number;
}

export interface NormalisedText {
  /** The original, kept for display. */
  original: string;
  /** The text the parser reads: artefacts removed, widths unified, broken lines rejoined. */
  text: string;
  changes: NormalisationChange[];
}

/** One parsed item (a node of the task tree). Field names follow the fixtures' JSON. */
export interface ParsedItem {
  /** 1-based position among siblings, dotted: `2.1.1`. */
  path: string;
  /** Exactly as printed with its separator (`一、`, `(一)`, `1.`, `第一,`, `一要`, `一是`), or null for an unmarked heading. */
  marker: string | null;
  title: string;
  /** The rest of the item's text after the title. */
  body: string;
  /** Unit names as written (after normalisation). */
  lead: string[];
  cooperating: string[];
  /**
   * Shared-affix lists written out (`黄埔区、南沙区政府` → 黄埔区政府, 南沙区政府), for matching names to
   * the unit tree; present only when it differs from `lead`/`cooperating`, which stay literal.
   */
  expanded?: { lead: string[]; cooperating: string[] };
  /** People named as responsible (责任领导, 牵头领导…), never units. */
  leaders: string[];
  /** The deadline phrase as written, or null. */
  deadline: string | null;
  /** `YYYY-MM-DD`, or null (no phrase, no year, or an ongoing duty). */
  deadline_iso: string | null;
  /** 长期坚持 / 持续推进: no date, an ongoing duty. */
  ongoing: boolean;
  children: ParsedItem[];
  /** 0-based line in the normalised text where the item starts. */
  line: number;
}

export interface ParsedDocument {
  year: number | null;
  /** Where the year came from: `number`, `title`, `date`, `text`, `given`, or null. */
  yearSource: string | null;
  /** A document number found in the text (`江政发〔2026〕3号`), if any. */
  docNumber: string | null;
  title: string | null;
  items: ParsedItem[];
}
