import { z } from 'zod';
import { estimateSchema } from '../../backlog.contract.js';

/** Finished stories handed to the estimate: the closest ones of the project, at most this many. */
export const MAX_ESTIMATE_CANDIDATES = 20;

export const storyEstimateInput = z
  .object({
    story: z.object({ title: z.string().trim().min(1).max(255), description: z.string().max(100_000).default('') }).strict(),
    /** Finished stories with points, the most alike first. */
    candidates: z
      .array(
        z
          .object({
            storyId: z.string().min(1).max(100),
            key: z.string().min(1).max(40),
            title: z.string().max(255),
            description: z.string().max(100_000).default(''),
            storyPoints: z.number().int().min(0).max(100),
            similarity: z.number().min(0).max(1),
          })
          .strict(),
      )
      .max(MAX_ESTIMATE_CANDIDATES),
  })
  .strict();
export type StoryEstimateInput = z.infer<typeof storyEstimateInput>;

export const storyEstimateOutput = estimateSchema.extend({
  storyPoints: z.number().int().min(0).max(100).nullable().describe('null when no finished story is similar enough'),
  explanation: z.string().trim().min(1).max(2000).describe('One or two sentences: why this number, or why none'),
});
export type StoryEstimate = z.infer<typeof storyEstimateOutput>;
