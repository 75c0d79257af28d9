import { z } from 'zod';
import { personaFamilies, roundKinds } from '../../../shared/board-kinds.js';

/**
 * The pieces every board task's input is made of. Inputs carry everything a task needs (the offline engine answers
 * from the input alone, in a worker thread), so the same input gives the same answer.
 */

const line = (max: number) => z.string().max(max);

/** What the panel knows of the project the session is tied to, read from its project model. */
export const projectDigestSchema = z
  .object({
    name: line(200),
    summary: line(1000).default(''),
    problem: line(1000).default(''),
    actors: z.array(z.object({ name: line(120), kind: z.enum(['person', 'system']), needs: z.array(line(1000)).max(12).default([]) }).strict()).max(20).default([]),
    entities: z.array(z.object({ name: line(120), states: z.array(line(120)).max(12).default([]) }).strict()).max(40).default([]),
    metrics: z.array(z.object({ name: line(120), target: line(1000).default('') }).strict()).max(20).default([]),
    constraints: z.array(z.object({ category: line(40), text: line(1000) }).strict()).max(30).default([]),
    rules: z.array(line(1000)).max(40).default([]),
    openQuestions: z.array(line(1000)).max(20).default([]),
  })
  .strict();
export type ProjectDigest = z.infer<typeof projectDigestSchema>;

export const personaProfileSchema = z
  .object({
    code: line(50),
    name: line(255),
    family: z.enum(personaFamilies),
    expertise: line(500),
    lens: line(500),
    checks: z.array(line(200)).max(6),
    riskAppetite: z.number().min(-1).max(1),
    systemPrompt: line(20_000),
  })
  .strict();
export type PersonaProfile = z.infer<typeof personaProfileSchema>;

export const optionInputSchema = z.object({ id: line(8), label: line(200), description: line(1000).default('') }).strict();
export type OptionInput = z.infer<typeof optionInputSchema>;

export const subQuestionInputSchema = z.object({ id: line(8), text: line(500), families: z.array(z.enum(personaFamilies)).max(6) }).strict();

export const answeredQuestionSchema = z.object({ question: line(1000), answer: line(4000) }).strict();

/** The problem as every task sees it. */
export const problemSchema = z
  .object({
    statement: line(4000),
    /** problem_context flattened to "key: value" lines. */
    context: line(20_000).default(''),
    answers: z.array(answeredQuestionSchema).max(10).default([]),
    project: projectDigestSchema.nullable().default(null),
  })
  .strict();
export type Problem = z.infer<typeof problemSchema>;

/** Another persona's latest contribution as a persona reads it: anonymous ("Expert B"), in a shuffled order. */
export const peerDigestSchema = z
  .object({ label: line(20), position: line(8).nullable(), claim: line(2000), evidence: z.array(line(600)).max(6).default([]) })
  .strict();
export type PeerDigest = z.infer<typeof peerDigestSchema>;

export const roundSchema = z.object({ number: z.number().int().min(1).max(10), kind: z.enum(roundKinds) }).strict();

/** Makes the offline engine's choices repeatable: the session's seed. */
export const seedSchema = z.number().int();
