// Test support (file I/O, so never imported by the parser): the evaluation corpus. The project's
// shared fixtures are copied into `test/fixtures/docparse` and `test/fixtures/seed` (a clean clone
// must test alone, wherever it is checked out); the documents the parser was not built on live in
// `test/fixtures/documents`. Each `.txt` opens with
// `# source: URL` and a blank line, which are not part of the document.
import { readdirSync, readFileSync } from 'node:fs';
import type { Alternatives, ScoredDocument } from './evaluate.js';

const REPO = new URL('../../../', import.meta.url);
export const SHARED_DIR = new URL('test/fixtures/docparse/', REPO);
export const UNSEEN_DIR = new URL('test/fixtures/documents/', REPO);
export const SEED_ESSAY = new URL('test/fixtures/seed/000_f959d81e79c4ee90.txt', REPO);

/** One annotated document of the corpus. */
export interface CorpusDocument {
  name: string;
  /** The document's text (without the source line). */
  text: string;
  expected: ScoredDocument;
  alternatives: Alternatives;
}

const alternativesByName = JSON.parse(readFileSync(new URL('alternatives.json', UNSEEN_DIR), 'utf8')) as Record<
  string,
  Alternatives
>;

/** The document of a fixture `.txt`: everything after its `# source:` line and the blank line. */
function documentText(raw: string): string {
  return raw.replace(/^# source:[^\n]*\n\n?/, '');
}

/** Every annotated document in a directory, by name. */
export function loadCorpus(dir: URL): CorpusDocument[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.expected\.json$/, '');
      return {
        name,
        text: documentText(readFileSync(new URL(`${name}.txt`, dir), 'utf8')),
        expected: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as ScoredDocument,
        alternatives: alternativesByName[name] ?? {},
      };
    });
}
