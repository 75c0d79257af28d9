import { z } from 'zod';
import { documentTypes } from '../../shared/document-kinds.js';

/** Request and response schemas of /projects/{projectId}/search, shared by server and OpenAPI. */

export const searchParams = z.object({ projectId: z.string() });

export const searchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(500, 'must be at most 500 characters')
      .describe('words, "a phrase", -excluded or either OR other (web search syntax); paraphrases match too'),
    limit: z.coerce
      .number('must be a number')
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(50, 'must be at most 50')
      .default(10),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuery>;

export const matchKinds = ['text', 'vector'] as const;
export type MatchKind = (typeof matchKinds)[number];

export const searchHitSchema = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  documentType: z.enum(documentTypes),
  rev: z.number().int(),
  blockId: z.string().describe('the section, stable across revisions while its heading path stays the same'),
  heading: z.string().nullable().describe('null for the text before the first heading'),
  snippet: z.string().describe('HTML: the matching words in <mark>, everything else escaped'),
  score: z.number().describe('reciprocal rank fusion of the text and vector rankings; higher is better'),
  matchedBy: z.array(z.enum(matchKinds)).describe('which rankings found the section'),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({ items: z.array(searchHitSchema) });
export type SearchResult = z.infer<typeof searchResultSchema>;
