/**
 * The quality corpus: product ideas written to measure the offline engine, each with its answers and what a careful
 * analyst would expect (actors, entities with accepted synonyms, key actions, facts). Files named `dev-*.json` may be
 * read while tuning; `holdout-*.json` never are, so their figures say how the engine does on ideas it was not tuned to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Expected = {
  actors: (string | string[])[];
  entities: (string | string[])[];
  keyActions: string[];
  facts: { question: string; answer: string[] }[];
};

export type CorpusItem = {
  file: string;
  split: 'dev' | 'holdout';
  name: string;
  idea: string;
  answers: { question: string; answer: string }[];
  expected: Expected;
};

const IDEAS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ideas');

/**
 * The corpus's ideas; `folder` reads another set of the same form instead (a new round of ideas measured once before
 * anyone reads them, kept outside the corpus until then).
 */
export function loadCorpus(folder: string = IDEAS): CorpusItem[] {
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const data = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Omit<CorpusItem, 'file' | 'split'>;
      return { ...data, file: file.replace(/\.json$/, ''), split: file.startsWith('holdout-') ? 'holdout' : 'dev' };
    });
}
