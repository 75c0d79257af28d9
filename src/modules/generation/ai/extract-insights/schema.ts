import { z } from 'zod';

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
