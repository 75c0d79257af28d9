import { z } from 'zod';
import { analyzeText } from '../../../modules/projects/idea-analysis/index.js';
import { defineObjectTask } from '../task.js';

export const extractInsightsInput = z
  .object({
    text: z.string().trim().min(1).max(50_000),
  })
  .strict();

export const extractInsightsOutput = z
  .object({
    summary: z.string().describe('Two or three sentences that say what the text is about, in its own words'),
    keyTerms: z
      .array(
        z.object({
          term: z.string().min(1).describe('A word or short phrase (at most three words) that is central to the text, lower case unless a name or acronym'),
          weight: z.number().min(0).max(1).describe('Relative importance: 1 for the most important term'),
        }),
      )
      .max(30)
      .describe('The most important terms, most important first'),
    actors: z
      .array(z.string().min(1))
      .max(20)
      .describe('People and roles that use or are affected by what the text describes, e.g. "customer", "project manager"'),
    entities: z
      .array(
        z.object({
          name: z.string().min(1).describe('A domain thing that data is kept about, singular, e.g. "invoice"'),
          attributes: z.array(z.string().min(1)).max(20).describe('What is kept about it, e.g. "amount", "due date"'),
        }),
      )
      .max(30)
      .describe('Domain entities and their attributes'),
    requirements: z
      .array(
        z.object({
          id: z
            .string()
            .regex(/^N?FR-\d+$/)
            .describe('FR-1, FR-2 … for functional and NFR-1, NFR-2 … for non-functional requirements, numbered in text order'),
          text: z.string().min(1).describe('The requirement, as stated in the text'),
          kind: z.enum(['functional', 'non-functional']).describe('functional: what it does; non-functional: how well (speed, security, availability, privacy, accessibility …)'),
          priority: z.enum(['must', 'should', 'could']).describe('From the wording: must/shall/needs to → must, should/can → should, could/may/nice to have → could'),
        }),
      )
      .max(200)
      .describe('Requirements the text states'),
  })
  .describe('Structured insights extracted from a text');

export type ExtractInsightsInput = z.infer<typeof extractInsightsInput>;
export type ExtractInsights = z.infer<typeof extractInsightsOutput>;

export const extractInsightsTask = defineObjectTask<ExtractInsightsInput, ExtractInsights>({
  name: 'extract-insights',
  description: 'Summary, key terms, actors, entities and numbered requirements of a text',
  input: extractInsightsInput,
  output: extractInsightsOutput,

  buildPrompt: ({ text }) => ({
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
  }),

  builtin: ({ text }) => {
    const analysis = analyzeText(text, { keyTerms: 12, actors: 10, entities: 12, requirements: 100 });
    return {
      summary: analysis.summary || 'The text has no words to analyse: it contains only punctuation, symbols or numbers.',
      keyTerms: analysis.keyTerms.map(({ term, weight }) => ({ term, weight })),
      actors: analysis.actors,
      entities: analysis.entities,
      requirements: analysis.requirements,
    };
  },
});
