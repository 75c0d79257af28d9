import { z } from 'zod';
import { optionInputSchema, peerDigestSchema, personaProfileSchema, problemSchema } from '../inputs.js';

export const voteInput = z
  .object({
    persona: personaProfileSchema,
    problem: problemSchema,
    /** `own` marks the options this persona proposed: they cannot count as its first choice. */
    options: z.array(optionInputSchema.extend({ own: z.boolean() }).strict()).min(2).max(8),
    /** This persona's last contribution. */
    own: z.object({ position: z.string().max(8).nullable(), claim: z.string().max(2000), confidence: z.number().min(0).max(1).nullable() }).strict().nullable(),
    /** The others' final contributions, anonymous and shuffled. */
    others: z.array(peerDigestSchema).max(10),
    seed: z.number().int(),
  })
  .strict();
export type VoteInput = z.infer<typeof voteInput>;

export const voteOutput = z
  .object({
    ranking: z.array(z.string().trim().min(1).max(8)).min(1).max(8).describe('Every option id, best first'),
    approved: z.array(z.string().trim().min(1).max(8)).max(8).describe('The options this persona could accept'),
    reasoning: z.string().trim().min(1).max(1500).describe('Two or three sentences: why this order'),
    confidence: z.number().min(0).max(1),
  })
  .strict();
export type VoteOutput = z.infer<typeof voteOutput>;
