import { z } from 'zod';

export const documentTasksOutput = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1).describe('What the plan delivers and how it is phased'),
    phases: z
      .array(
        z.object({
          name: z.string().min(1).describe('e.g. "Phase 1 — Foundations"'),
          goal: z.string().min(1).describe('What is true when the phase is done'),
          tasks: z
            .array(
              z.object({
                id: z.string().regex(/^T-\d+$/).describe('T-1, T-2 … numbered across all phases'),
                title: z.string().min(1),
                description: z.string().min(1).describe('What to do and what done means'),
                estimateDays: z.number().min(0.5).max(30).describe('Effort in person-days'),
                dependsOn: z.array(z.string().regex(/^T-\d+$/)).max(6).describe('Tasks that must be done first'),
              }),
            )
            .min(1)
            .max(25),
        }),
      )
      .min(1)
      .max(8)
      .describe('Phases in order, each with its tasks'),
  })
  .describe('A delivery plan: phases with estimated tasks');

export type DocumentTasks = z.infer<typeof documentTasksOutput>;
export type Task = DocumentTasks['phases'][number]['tasks'][number];
