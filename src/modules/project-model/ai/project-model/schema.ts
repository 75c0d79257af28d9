import { z } from 'zod';
import { projectModelSchema, type ProjectModel } from '../../project-model.contract.js';

/** What the model is built from: the idea, the answers to the clarifying questions, the project's documents. */
export const MAX_MODEL_SOURCE_TEXT = 60_000;

const sectionInput = z.object({ id: z.string().trim().min(1).max(300), heading: z.string().max(500), text: z.string().max(8000) }).strict();

export const projectModelInput = z
  .object({
    projectName: z.string().trim().min(1).max(255),
    idea: z.string().trim().min(1).max(20_000),
    answers: z
      .array(z.object({ question: z.string().trim().min(1).max(2000), answer: z.string().trim().max(10_000) }).strict())
      .max(10)
      .optional(),
    /** Sections of the project's documents, most relevant first. */
    sources: z
      .array(
        z
          .object({
            documentId: z.string().trim().min(1).max(100),
            type: z.string().trim().min(1).max(50),
            title: z.string().max(255),
            sections: z.array(sectionInput).max(40),
          })
          .strict(),
      )
      .max(8)
      .optional(),
    /** What the author asked for ("focus on lending"). */
    instructions: z.string().trim().max(4000).optional(),
    /** The current model, when one exists: corrections a person made in it are kept. */
    previous: projectModelSchema.optional(),
  })
  .strict();

export type ProjectModelInput = z.infer<typeof projectModelInput>;

export const projectModelOutput = projectModelSchema.describe('The project model');
export type { ProjectModel };
