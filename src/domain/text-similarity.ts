/**
 * How alike two progress reports are, for the "重复/雷同" (copy-paste) flag.
 *
 * The measure is the **Sørensen–Dice coefficient over character bigrams**, taken as multisets:
 *
 *     similarity(a, b) = 2 · |bigrams(a) ∩ bigrams(b)| / (|bigrams(a)| + |bigrams(b)|)
 *
 * after both texts are normalised (Unicode NFKC, so full-width letters, digits and punctuation
 * become their half-width forms; lower case; every whitespace, punctuation and symbol character
 * removed). It suits Chinese because Chinese has no spaces between words and most words are two
 * characters long, so adjacent character pairs approximate the words without a dictionary; it
 * ignores a moved paragraph (edit distance would charge for every character of it) and a changed
 * date or number costs only the two or three bigrams around it. It runs in linear time: a 5,000
 * character report against fifty others is a few milliseconds, where an edit distance table would
 * be 25 million cells per pair. 1 means the same bigrams in the same numbers, 0 means none shared.
 */

/** A text reduced to what similarity looks at: its bigram counts and how many bigrams there are. */
export interface BigramProfile {
  readonly counts: ReadonlyMap<string, number>;
  /** Number of bigrams (code points − 1), or the single code point's 1 for one-character texts. */
  readonly size: number;
  /** The normalised text's length in code points. */
  readonly length: number;
  /** The normalised text itself (for the one-character and empty cases). */
  readonly text: string;
}

const IGNORED = /[\s\p{P}\p{S}]/gu;

/**
 * Normalises a text for comparison: NFKC (full-width → half-width, compatibility forms folded),
 * lower case, and every whitespace, punctuation and symbol character removed, so "完成 80%。" and
 * "完成８０％" compare equal.
 */
export function normalizeForSimilarity(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/** The bigram profile of an already normalised text (code points, so rare CJK extension characters count once). */
export function bigramProfile(normalised: string): BigramProfile {
  const chars = Array.from(normalised);
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = `${chars[i]}${chars[i + 1]}`;
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  return { counts, size: Math.max(chars.length - 1, 0), length: chars.length, text: normalised };
}

/** The Dice coefficient of two profiles (see the module comment); texts under two characters compare by equality. */
export function diceOfProfiles(a: BigramProfile, b: BigramProfile): number {
  if (a.size === 0 || b.size === 0) return a.text === b.text ? 1 : 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [bigram, count] of small.counts) shared += Math.min(count, large.counts.get(bigram) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

/** Similarity of two raw texts, 0–1 (normalises both, then the bigram Dice coefficient). */
export function textSimilarity(a: string, b: string): number {
  return diceOfProfiles(bigramProfile(normalizeForSimilarity(a)), bigramProfile(normalizeForSimilarity(b)));
}

/**
 * The normalised lengths another text must have for the two to possibly reach `threshold`: the
 * coefficient can be at most 2·min/(m+n) for m and n bigrams, so texts of very different lengths
 * are skipped without reading them (the repository filters candidates by a stored length).
 */
export function comparableLengths(length: number, threshold: number): { min: number; max: number } {
  const bigrams = Math.max(length - 1, 0);
  const ratio = threshold / (2 - threshold);
  return { min: Math.floor(bigrams * ratio) + 1, max: Math.ceil(bigrams / ratio) + 1 };
}
