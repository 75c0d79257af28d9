import type { PromptParts } from '../../../../core/ai/task.js';
import type { ExtractInsightsInput } from './schema.js';

/** What a remote model gets: what to extract, faithful to the text, and the text. */
export const extractInsightsPrompt = ({ text }: ExtractInsightsInput): PromptParts => ({
  system:
    'You are a senior business analyst. You read product notes, interview transcripts and specifications and ' +
    'extract what a product team needs from them, staying faithful to the text: never invent requirements, ' +
    'actors or entities that the text does not support.',
  prompt: [
    'Analyse the text between the <text> tags.',
    '- summary: two or three sentences on what it describes.',
    '- keyTerms: up to 12 central terms (single words or phrases of up to three words), weighted 0–1 relative to the most important.',
    '- actors: the people and roles involved (users, customers, admins, named roles).',
    '- entities: the things data must be kept about, each with the attributes the text mentions.',
    '- requirements: every statement of what the product must, should or could do, numbered FR-n (functional) ' +
      'and NFR-n (non-functional: performance, security, availability, privacy, accessibility …) in text order, ' +
      'with a MoSCoW priority taken from the wording.',
    '',
    '<text>',
    text,
    '</text>',
  ].join('\n'),
});
