import { pruneDangling } from './model-references.js';
import type { ModelSource, ProjectModel } from './project-model.contract.js';

const corrected = (item: { sources?: ModelSource[] }) => item.sources?.some((s) => s.kind === 'correction') ?? false;

/**
 * A rebuilt model with what people corrected in the previous one kept: an item carrying a correction source replaces
 * the rebuilt item of the same id, or comes back when the rebuild dropped it. The builder is asked to do this itself;
 * this holds for any engine, a configured model included. References left dangling are then cleaned up.
 */
export function keepCorrections(previous: ProjectModel | undefined, built: ProjectModel): ProjectModel {
  if (!previous) return pruneDangling(built).model;
  const keep = <T extends { id: string; sources?: ModelSource[] }>(old: T[], fresh: T[], max: number): T[] => {
    const mine = old.filter(corrected);
    const replaced = fresh.map((item) => mine.find((m) => m.id === item.id) ?? item);
    return [...replaced, ...mine.filter((m) => !fresh.some((item) => item.id === m.id))].slice(0, max);
  };
  const glossary = [...built.glossary];
  for (const term of previous.glossary.filter(corrected)) {
    const at = glossary.findIndex((t) => t.term.toLowerCase() === term.term.toLowerCase());
    if (at >= 0) glossary[at] = term;
    else glossary.push(term);
  }
  const merged: ProjectModel = {
    ...built,
    actors: keep(previous.actors, built.actors, 20),
    entities: keep(previous.entities, built.entities, 40),
    useCases: keep(previous.useCases, built.useCases, 60),
    rules: keep(previous.rules, built.rules, 40),
    metrics: keep(previous.metrics, built.metrics, 20),
    constraints: keep(previous.constraints, built.constraints, 30),
    glossary: glossary.slice(0, 40),
  };
  return pruneDangling(merged).model;
}
