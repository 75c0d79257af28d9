import { z } from 'zod';
import { emptyProjectModel, projectModelSchema } from '../../../project-model/index.js';
import { storyProposalSchema } from '../../backlog.contract.js';

/** The most source text a prompt carries; a longer document is cut (its stories come first in a PRD anyway). */
export const MAX_STORY_SOURCE = 120_000;
export const MAX_PROPOSALS = 60;

export const storySourceKinds = ['prd', 'srs', 'model', 'document'] as const;
export type StorySourceKind = (typeof storySourceKinds)[number];

export const storyGenerationInput = z
  .object({
    projectName: z.string().trim().min(1).max(255),
    source: z
      .object({
        /** prd and srs are read by their structure; any other document by its headings; model: the model alone. */
        kind: z.enum(storySourceKinds),
        title: z.string().max(255).default(''),
        markdown: z.string().max(MAX_STORY_SOURCE).default(''),
        /** The document's structured content as its generator wrote it, when it has one. */
        content: z.unknown().optional(),
      })
      .strict(),
    model: projectModelSchema.default(emptyProjectModel),
    instructions: z.string().max(2000).optional(),
  })
  .strict();
export type StoryGenerationInput = z.infer<typeof storyGenerationInput>;

export const storyEpicSchema = z.object({
  title: z.string().trim().min(1).max(255).describe('A feature area or user group, e.g. "Customers" or "Bookings"'),
  description: z.string().max(2000).describe('One sentence on what the epic covers'),
});

export const storyGenerationOutput = z
  .object({
    epics: z.array(storyEpicSchema).max(30).describe('The epics the proposals belong to, each once'),
    proposals: z
      .array(
        storyProposalSchema.extend({
          proposalId: z.string().trim().min(1).max(100).describe('Unique within the answer, e.g. "us-1"'),
          title: z.string().trim().min(1).max(255).describe('Verb first, imperative: "Approve a quote"'),
          acceptanceCriteria: z.array(z.string().trim().min(1).max(2000)).max(12).describe('Each one line: "Given …, when …, then …."'),
          storyPoints: z.number().int().min(0).max(100).nullable().describe('1, 2, 3, 5 or 8'),
        }),
      )
      .max(MAX_PROPOSALS),
  })
  .describe('Epics and user stories proposed for the backlog');
export type StoryGenerationOutput = z.infer<typeof storyGenerationOutput>;
export type GeneratedProposal = StoryGenerationOutput['proposals'][number];
