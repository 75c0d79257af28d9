import { z } from 'zod';
import { personaFamilies } from '../../../../shared/board-kinds.js';
import { problemSchema } from '../inputs.js';

export const framingInput = z
  .object({
    problem: problemSchema,
    /** False once the person answered or skipped: the framing then asks nothing more. */
    mayAsk: z.boolean(),
    seed: z.number().int(),
  })
  .strict();
export type FramingInput = z.infer<typeof framingInput>;

export const framingOutput = z
  .object({
    subQuestions: z
      .array(
        z
          .object({
            text: z.string().trim().min(1).max(500).describe('A question the decision turns on, ending with a question mark'),
            families: z.array(z.enum(personaFamilies)).min(1).max(4).describe('The disciplines that can answer it'),
          })
          .strict(),
      )
      .min(1)
      .max(5),
    options: z
      .array(
        z
          .object({
            label: z.string().trim().min(1).max(120).describe('The option as a short imperative: "Launch in one city"'),
            description: z.string().trim().max(600).describe('One sentence: what choosing it means'),
          })
          .strict(),
      )
      .min(2)
      .max(5),
    clarifications: z
      .array(
        z
          .object({
            question: z.string().trim().min(1).max(500),
            why: z.string().trim().min(1).max(500).describe('Why the answer would change the recommendation'),
          })
          .strict(),
      )
      .max(3)
      .describe('Only what is decisive and cannot be assumed; empty when mayAsk is false'),
  })
  .strict();
export type FramingOutput = z.infer<typeof framingOutput>;
