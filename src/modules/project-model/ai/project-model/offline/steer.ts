import type { ModelSource, ProjectModel } from '../../../project-model.contract.js';

/**
 * What the author steers: "focus on X" puts the items that name X first in every list; a previous model's items a
 * person corrected (a source of kind "correction") survive the rebuild as they are.
 */
export function focusTerms(instructions: string | undefined): string[] {
  if (!instructions) return [];
  const terms: string[] = [];
  for (const match of instructions.matchAll(/\b(?:focus(?:ed|ing)? on|emphasi[sz]e|prioriti[sz]e|about)\s+([^.;,\n]+)/gi)) {
    for (const part of (match[1] ?? '').split(/\s+(?:and|&)\s+/)) {
      const term = part.trim().toLowerCase().replace(/^(?:the|a|an)\s+/, '').replace(/s$/, '');
      if (term.length > 1) terms.push(term);
    }
  }
  return terms;
}

function mentions(item: unknown, terms: string[]): boolean {
  const text = JSON.stringify(item).toLowerCase();
  return terms.some((term) => text.includes(term));
}

function focusList<T>(items: T[], terms: string[]): T[] {
  const first = items.filter((item) => mentions(item, terms));
  return [...first, ...items.filter((item) => !first.includes(item))];
}

export function applyFocus(model: ProjectModel, terms: string[]): ProjectModel {
  if (terms.length === 0) return model;
  return {
    ...model,
    actors: focusList(model.actors, terms),
    entities: focusList(model.entities, terms),
    useCases: focusList(model.useCases, terms),
    rules: focusList(model.rules, terms),
    metrics: focusList(model.metrics, terms),
    constraints: focusList(model.constraints, terms),
    glossary: focusList(model.glossary, terms),
  };
}

const corrected = (item: { sources?: ModelSource[] }): boolean => (item.sources ?? []).some((source) => source.kind === 'correction');

/** Corrected items replace the rebuilt ones with their id (or term), and the others are added back. */
function keep<T extends { sources?: ModelSource[] }>(rebuilt: T[], previous: T[], key: (item: T) => string, max: number): T[] {
  const kept = previous.filter(corrected);
  const keys = new Set(kept.map(key));
  return [...kept, ...rebuilt.filter((item) => !keys.has(key(item)))].slice(0, max);
}

export function keepCorrections(model: ProjectModel, previous: ProjectModel | undefined): ProjectModel {
  if (!previous) return model;
  return {
    ...model,
    actors: keep(model.actors, previous.actors, (a) => a.id, 20),
    entities: keep(model.entities, previous.entities, (e) => e.id, 40),
    useCases: keep(model.useCases, previous.useCases, (u) => u.id, 60),
    rules: keep(model.rules, previous.rules, (r) => r.id, 40),
    metrics: keep(model.metrics, previous.metrics, (m) => m.id, 20),
    constraints: keep(model.constraints, previous.constraints, (c) => c.id, 30),
    glossary: keep(model.glossary, previous.glossary, (t) => t.term.toLowerCase(), 40),
  };
}
