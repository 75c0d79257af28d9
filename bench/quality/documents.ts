/**
 * Measures of the documents drawn from the project model, for the offline quality benchmark: how many of an idea's
 * key actions became a functional requirement or a user story, and how many human texts the quality gate refuses.
 * Each function takes the evaluated items and returns a figure per item and a total; the benchmark lists them.
 */
import { tagText } from '../../src/core/text/nlp/index.js';
import { contentWords, singularize } from '../../src/core/text/index.js';
import { checkText, gateTexts, type ProseField } from '../../src/core/text/quality/index.js';
import type { DocumentPrd } from '../../src/modules/generation/ai/document-prd/index.js';
import type { DocumentSrs } from '../../src/modules/generation/ai/document-srs/index.js';

export type DocumentsOfItem = {
  /** The corpus item's file name. */
  file: string;
  /** Expected key actions, verb then object: "approve quote". */
  keyActions: string[];
  srs: DocumentSrs;
  prd: DocumentPrd;
  /** Every human text of the item's documents (the tasks' `prose` hooks), and the rendered Markdown. */
  prose: ProseField[];
  markdown: string[];
};

export type DocumentMeasure = { name: string; perItem: Map<string, number | undefined>; total: number };

/**
 * Each content word of a phrase with the forms it may take: its lemma and its singular as written ("approves the
 * quotes" → [approve, approves], [quote]). Both count, so a noun in -ing the tagger reads as a verb in a short key
 * action ("cancel booking" → book) still matches the noun in a requirement ("Cancel a booking").
 */
function lemmas(text: string): string[][] {
  const tokens = tagText(text).flatMap((s) => s.tokens);
  const content = new Set(contentWords(text));
  return tokens.filter((t) => content.has(t.normal)).map((t) => [...new Set([singularize(t.lemma.toLowerCase()), singularize(t.normal)])]);
}

/** A key action is covered when one requirement or story holds all its words (in one of their forms). */
function covers(statement: string[][], action: string[][]): boolean {
  const said = new Set(statement.flat());
  return action.length > 0 && action.every((forms) => forms.some((form) => said.has(form)));
}

export function keyActionCoverage(items: readonly DocumentsOfItem[]): DocumentMeasure {
  const perItem = new Map<string, number | undefined>();
  let found = 0;
  let expected = 0;
  for (const item of items) {
    if (item.keyActions.length === 0) {
      perItem.set(item.file, undefined);
      continue;
    }
    const statements = [
      ...item.srs.specificRequirements.functional.map((fr) => `${fr.title} ${fr.description}`),
      ...item.prd.userStories.map((story) => story.want),
    ].map(lemmas);
    const hits = item.keyActions.filter((action) => statements.some((statement) => covers(statement, lemmas(action)))).length;
    perItem.set(item.file, hits / item.keyActions.length);
    found += hits;
    expected += item.keyActions.length;
  }
  return { name: 'key-action coverage (requirements and stories)', perItem, total: expected ? found / expected : 0 };
}

/**
 * Texts the quality gate refuses after its repair, per item: each failing field and each rendered document with a
 * problem counts once. The total is the count over the corpus (the target is 0), not a ratio.
 */
export function gateRefusals(items: readonly DocumentsOfItem[]): DocumentMeasure {
  const perItem = new Map<string, number | undefined>();
  let total = 0;
  for (const item of items) {
    const refused = gateTexts(item.prose).failures.length + item.markdown.filter((md) => checkText(md, 'markdown').length > 0).length;
    perItem.set(item.file, refused);
    total += refused;
  }
  return { name: 'texts the quality gate refuses', perItem, total };
}
