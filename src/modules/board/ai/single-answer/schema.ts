import { z } from 'zod';
import { optionInputSchema, problemSchema } from '../inputs.js';

/** The single-model baseline: one call, no panel, the same problem and options. */
export const singleAnswerInput = z
  .object({ problem: problemSchema, options: z.array(optionInputSchema).min(2).max(8), seed: z.number().int() })
  .strict();
export type SingleAnswerInput = z.infer<typeof singleAnswerInput>;

export const singleAnswerOutput = z
  .object({
    optionId: z.string().trim().min(1).max(8),
    reasoning: z.string().trim().min(1).max(1500).describe('Two or three sentences'),
  })
  .strict();
export type SingleAnswerOutput = z.infer<typeof singleAnswerOutput>;
