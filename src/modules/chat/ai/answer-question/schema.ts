import { z } from 'zod';

export const answerQuestionInput = z
  .object({
    question: z.string().trim().min(1).max(4000),
    context: z
      .array(
        z
          .object({
            id: z.string().trim().min(1).max(200),
            title: z.string().max(500),
            text: z.string().max(20_000),
            /** A fact of the project model (its title says where it was read), or a section of a document, diagram or wireframe. */
            kind: z.enum(['fact', 'section']).optional(),
          })
          .strict(),
      )
      .max(20),
  })
  .strict();

export type AnswerQuestionInput = z.infer<typeof answerQuestionInput>;
/** A section of the project's documents the answer may quote. */
export type ContextSection = AnswerQuestionInput['context'][number];
