import { z } from 'zod';

export const clarifyingQuestionsInput = z
  .object({
    idea: z.string().trim().min(1).max(20_000),
  })
  .strict();

export const clarifyingQuestionsOutput = z
  .object({
    questions: z
      .array(
        z.object({
          id: z.string().regex(/^q\d+$/).describe('q1, q2, q3 in order'),
          question: z.string().min(1).describe('One question to the author of the idea, in the idea’s own terms'),
          why: z.string().min(1).describe('What the answer decides, in one sentence'),
        }),
      )
      .min(1)
      .max(5)
      .describe('Two or three questions about what the idea leaves open, most important first'),
  })
  .describe('Clarifying questions about a product idea');

export type ClarifyingQuestionsInput = z.infer<typeof clarifyingQuestionsInput>;
export type ClarifyingQuestions = z.infer<typeof clarifyingQuestionsOutput>;
