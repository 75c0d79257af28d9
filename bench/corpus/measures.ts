/**
 * Measures over the corpus, one function each: it takes the evaluated items (a corpus item and what the product made
 * of it) and returns a figure per item and a total. Add a measure by writing one more function of this shape and
 * listing it in the benchmark (key actions in requirements and stories, chat fidelity, quality-gate refusals, ER
 * diagram entities, …).
 */
import { singularize } from '../../src/core/text/index.js';
import type { ProjectModel } from '../../src/modules/project-model/project-model.contract.js';
import type { CorpusItem } from './corpus.js';

export type Evaluated = { item: CorpusItem; model: ProjectModel };

export type MeasureResult = {
  name: string;
  /** Per item file: the figure (0–1), or undefined when the item has nothing to measure. */
  perItem: Map<string, number | undefined>;
  /** Over all items: matched / expected (micro average). */
  total: number;
};

export type Measure = (items: Evaluated[]) => MeasureResult;

/** "Time slots" → "time slot": lower case, singular words, letters only. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((word) => word !== '')
    .map((word) => singularize(word))
    .join(' ');
}

function alternatives(expected: string | string[]): string[] {
  return (Array.isArray(expected) ? expected : [expected]).map(normalizeName);
}

/** A found name matches an expected one when equal, or when one is a single word that heads the other ("Room" ~ "Meeting room"). */
export function namesMatch(found: string, expected: string): boolean {
  if (found === expected) return true;
  const foundWords = found.split(' ');
  const expectedWords = expected.split(' ');
  if (expectedWords.length === 1 && foundWords[foundWords.length - 1] === expected) return true;
  if (foundWords.length === 1 && expectedWords[expectedWords.length - 1] === found) return true;
  return false;
}

function matchesAny(found: string, expected: (string | string[])[]): boolean {
  return expected.some((group) => alternatives(group).some((alternative) => namesMatch(found, alternative)));
}

function ratio(hits: number, of: number): number | undefined {
  return of === 0 ? undefined : hits / of;
}

function totalOf(name: string, rows: [string, number, number][]): MeasureResult {
  const perItem = new Map<string, number | undefined>(rows.map(([file, hits, of]) => [file, ratio(hits, of)]));
  const hits = rows.reduce((sum, [, h]) => sum + h, 0);
  const of = rows.reduce((sum, [, , o]) => sum + o, 0);
  return { name, perItem, total: of === 0 ? 0 : hits / of };
}

export const entityRecall: Measure = (items) =>
  totalOf('entity recall', items.map(({ item, model }) => {
    const found = model.entities.map((entity) => normalizeName(entity.name));
    const hits = item.expected.entities.filter((group) => found.some((name) => alternatives(group).some((alt) => namesMatch(name, alt)))).length;
    return [item.file, hits, item.expected.entities.length];
  }));

export const entityPrecision: Measure = (items) =>
  totalOf('entity precision', items.map(({ item, model }) => {
    const found = model.entities.map((entity) => normalizeName(entity.name));
    return [item.file, found.filter((name) => matchesAny(name, item.expected.entities)).length, found.length];
  }));

export const actorRecall: Measure = (items) =>
  totalOf('actor recall', items.map(({ item, model }) => {
    const found = model.actors.map((actor) => normalizeName(actor.name));
    const hits = item.expected.actors.filter((group) => found.some((name) => alternatives(group).some((alt) => namesMatch(name, alt)))).length;
    return [item.file, hits, item.expected.actors.length];
  }));

const FILLER = new Set(['a', 'an', 'the', 'for', 'to', 'on', 'at', 'of', 'in', 'into']);

function contentWordsOf(text: string): string[] {
  return normalizeName(text).split(' ').filter((word) => !FILLER.has(word));
}

/** Whether a key action ("borrow tool") is what a use case does: its verb words, and its object by name or synonym. */
export function coversKeyAction(useCase: ProjectModel['useCases'][number], model: ProjectModel, key: string, expectedEntities: (string | string[])[]): boolean {
  const words = contentWordsOf(key);
  const object = words[words.length - 1] ?? '';
  const verbWords = words.slice(0, -1);
  const nameWords = contentWordsOf(useCase.name);
  if (!verbWords.every((word) => nameWords.includes(word))) return false;
  if (nameWords.includes(object)) return true;
  const entity = model.entities.find((e) => e.id === useCase.entity);
  const group = expectedEntities.find((g) => alternatives(g).some((alt) => namesMatch(object, alt) || namesMatch(alt, object)));
  const entityName = entity ? normalizeName(entity.name) : '';
  return group !== undefined && entityName !== '' && alternatives(group).some((alt) => namesMatch(entityName, alt));
}

export const keyActionCoverage: Measure = (items) =>
  totalOf('key actions (use cases)', items.map(({ item, model }) => {
    const hits = item.expected.keyActions.filter((key) => model.useCases.some((useCase) => coversKeyAction(useCase, model, key, item.expected.entities))).length;
    return [item.file, hits, item.expected.keyActions.length];
  }));

/** The measures of the project model, in the order the benchmark prints them. */
export const MODEL_MEASURES: Measure[] = [entityRecall, entityPrecision, actorRecall, keyActionCoverage];

export function runMeasures(items: Evaluated[], measures: Measure[] = MODEL_MEASURES): MeasureResult[] {
  return measures.map((measure) => measure(items));
}
