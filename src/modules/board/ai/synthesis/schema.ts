import { z } from 'zod';
import { optionInputSchema, problemSchema } from '../inputs.js';

/** The decision record's prose, written from what the counting already decided. */
export const synthesisInput = z
  .object({
    problem: problemSchema,
    options: z.array(optionInputSchema).min(1).max(8),
    winner: z.object({ id: z.string().max(8), label: z.string().max(200) }).strict().nullable(),
    /** "A 11 points, B 7 points" and so on, best first. */
    scores: z.array(z.object({ optionId: z.string().max(8), label: z.string().max(200), points: z.number() }).strict()).max(8),
    /** The winning side's strongest arguments (claims of the personas who ranked the winner first). */
    support: z.array(z.string().max(2000)).max(6),
    dissent: z.object({ personaName: z.string().max(255), label: z.string().max(200), argument: z.string().max(2000) }).strict().nullable(),
    assumptions: z.array(z.string().max(400)).max(10),
    baselines: z
      .object({ singleModel: z.string().max(200).nullable(), roundOneMajority: z.string().max(200).nullable() })
      .strict(),
    positionChanges: z.array(z.object({ personaName: z.string().max(255), from: z.string().max(200), to: z.string().max(200), because: z.string().max(600) }).strict()).max(10),
    budgetReached: z.boolean(),
  })
  .strict();
export type SynthesisInput = z.infer<typeof synthesisInput>;

export const synthesisOutput = z
  .object({
    summary: z.string().trim().min(1).max(3000).describe('The recommendation and why, in two to four sentences'),
    changes: z.string().trim().min(1).max(2000).describe('What the deliberation changed against the two baselines'),
  })
  .strict();
export type SynthesisOutput = z.infer<typeof synthesisOutput>;
