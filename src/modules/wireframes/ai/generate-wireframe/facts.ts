import { tokenize } from '../../../../core/text/index.js';
import { analyzeText, asGroup, isPersonNoun, type Entity, type TextAnalysis } from '../../../projects/index.js';
import type { WireframeTaskInput } from './schema.js';

/** What the writer knows about the project: its name, entities with fields, user groups and their actions. */
export type WireframeFacts = {
  name: string;
  analysis: TextAnalysis;
  /** The entity the screens are about, the one with the most fields first. */
  entities: Entity[];
  groups: string[];
};

export function wireframeFacts(input: Pick<WireframeTaskInput, 'projectName' | 'idea' | 'source'>): WireframeFacts {
  const text = [input.idea, input.source?.markdown ?? ''].join('\n\n');
  const analysis = analyzeText(stripMarkdown(text), { entities: 12, actors: 6 });
  const entities = analysis.entities
    .filter((entity) => !isPersonNoun(tokenize(entity.name).at(-1) ?? ''))
    .map((entity, index) => ({ entity, index }))
    .sort((a, b) => Math.min(b.entity.attributes.length, 3) - Math.min(a.entity.attributes.length, 3) || a.index - b.index)
    .map(({ entity }) => entity);
  return { name: input.projectName.trim(), analysis, entities, groups: analysis.actors.map(asGroup) };
}

function stripMarkdown(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/^\s{0,3}#{1,6}\s+(.*)$/gm, '$1.')
    .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, ' ')
    .replace(/[|*_`>#]+/g, ' ');
}
