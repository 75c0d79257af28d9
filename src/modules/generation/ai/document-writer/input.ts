import { z } from 'zod';
import { projectModelSchema } from '../../../project-model/index.js';

// The input every document task shares: project name, idea, answers to the clarifying questions, source sections of
// the project's existing documents, instructions from the author and the project model.

export const MAX_SOURCE_TEXT = 60_000;

const sectionInput = z
  .object({
    id: z.string().trim().min(1).max(300),
    heading: z.string().max(500),
    text: z.string().max(8000),
  })
  .strict();

const sourceInput = z
  .object({
    documentId: z.string().trim().min(1).max(100),
    type: z.string().trim().min(1).max(50),
    title: z.string().max(255),
    sections: z.array(sectionInput).max(40),
  })
  .strict();

export const documentTaskInput = z
  .object({
    projectName: z.string().trim().min(1).max(255),
    idea: z.string().trim().min(1).max(20_000),
    answers: z
      .array(
        z
          .object({
            question: z.string().trim().min(1).max(2000),
            answer: z.string().trim().max(10_000),
          })
          .strict(),
      )
      .max(10)
      .optional(),
    sources: z.array(sourceInput).max(8).optional(),
    instructions: z.string().trim().max(4000).optional(),
    /**
     * The project model the document is drawn from. The generation service always supplies the project's current
     * model; a caller of the task without one gets the built-in reading of the idea and answers.
     */
    model: projectModelSchema.optional(),
  })
  .strict()
  .refine((input) => sourceTextLength(input.sources ?? []) <= MAX_SOURCE_TEXT, {
    message: `the source sections may hold at most ${MAX_SOURCE_TEXT} characters in all`,
    path: ['sources'],
  });

export type DocumentTaskInput = z.infer<typeof documentTaskInput>;
export type DocumentSource = NonNullable<DocumentTaskInput['sources']>[number];

export function sourceTextLength(sources: ReadonlyArray<{ sections: ReadonlyArray<{ heading: string; text: string }> }>): number {
  let total = 0;
  for (const source of sources) for (const section of source.sections) total += section.heading.length + section.text.length;
  return total;
}
