import { z } from 'zod';
import { optionInputSchema, peerDigestSchema, problemSchema } from '../inputs.js';

export const moderatorInput = z
  .object({
    problem: problemSchema,
    options: z.array(optionInputSchema).min(2).max(8),
    roundNumber: z.number().int().min(1).max(10),
    /** The panel's latest positions, anonymous. */
    positions: z.array(peerDigestSchema).max(10),
    /** The option the panel converged on. */
    consensus: z.string().max(8).nullable(),
    seed: z.number().int(),
  })
  .strict();
export type ModeratorInput = z.infer<typeof moderatorInput>;

export const moderatorOutput = z
  .object({
    targetOption: z.string().trim().max(8).nullable().describe('The option the challenge is aimed at'),
    challenge: z.string().trim().min(1).max(1000).describe('The strongest case against the consensus, as a question the panel must answer'),
    content: z.string().trim().min(1).max(4000).describe('The intervention as said to the panel, in Markdown'),
  })
  .strict();
export type ModeratorOutput = z.infer<typeof moderatorOutput>;
