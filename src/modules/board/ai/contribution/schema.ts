import { z } from 'zod';
import { optionInputSchema, peerDigestSchema, personaProfileSchema, problemSchema, roundSchema, subQuestionInputSchema } from '../inputs.js';

export const contributionInput = z
  .object({
    persona: personaProfileSchema,
    problem: problemSchema,
    subQuestions: z.array(subQuestionInputSchema).max(5),
    options: z.array(optionInputSchema).min(2).max(8),
    round: roundSchema,
    /** This persona's latest contribution; null in round 1. */
    own: z.object({ position: z.string().max(8).nullable(), claim: z.string().max(2000), confidence: z.number().min(0).max(1).nullable() }).strict().nullable(),
    /** The others' latest contributions, anonymous and shuffled for this persona; empty in round 1 (blind). */
    others: z.array(peerDigestSchema).max(10),
    /** The moderator's challenge to the panel, when it intervened in the previous round. */
    moderator: z.object({ challenge: z.string().max(2000), targetOption: z.string().max(8).nullable() }).strict().nullable(),
    seed: z.number().int(),
  })
  .strict();
export type ContributionInput = z.infer<typeof contributionInput>;

export const contributionOutput = z
  .object({
    position: z.string().trim().min(1).max(8).describe('The id of the option argued for'),
    claim: z.string().trim().min(1).max(600).describe('One sentence: the position and its main reason'),
    evidence: z.array(z.string().trim().min(1).max(600)).min(1).max(4).describe('Facts from the problem or the project, or reasoned consequences'),
    assumptions: z.array(z.string().trim().min(1).max(400)).max(3).describe('What must be true for the claim to hold'),
    confidence: z.number().min(0).max(1),
    positionChanged: z.boolean().describe('True when the position differs from this persona’s previous one'),
    changeReason: z.string().trim().max(600).nullable().describe('What convinced this persona, when the position changed'),
    /** A new option this persona puts to the panel, when none of the listed ones fits. */
    proposal: z.object({ label: z.string().trim().min(1).max(120), description: z.string().trim().max(600) }).strict().nullable(),
    content: z.string().trim().min(1).max(6000).describe('The contribution as the persona says it, in Markdown, 80 to 250 words'),
  })
  .strict();
export type ContributionOutput = z.infer<typeof contributionOutput>;
