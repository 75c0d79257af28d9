import { analyzeText } from '../../../projects/index.js';
import type { ExtractInsights, ExtractInsightsInput } from './schema.js';

/** The offline insights: the idea analysis of the text, as the output schema has it. */
export function extractInsights({ text }: ExtractInsightsInput): ExtractInsights {
  const analysis = analyzeText(text, { keyTerms: 12, actors: 10, entities: 12, requirements: 100 });
  return {
    summary: analysis.summary || 'The text has no words to analyse: it contains only punctuation, symbols or numbers.',
    keyTerms: analysis.keyTerms.map(({ term, weight }) => ({ term, weight })),
    actors: analysis.actors,
    entities: analysis.entities,
    requirements: analysis.requirements,
  };
}
