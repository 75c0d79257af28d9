import { z } from 'zod';
import { jobStatuses } from '../../core/jobs/index.js';
import { generatableTypes } from './document-kinds.js';

/** Request and response schemas of document generation and the idea pipeline, shared by server and OpenAPI. */

export const generateParams = z.object({ projectId: z.string() });

export const generateBody = z
  .object({
    type: z
      .enum(generatableTypes, `must be one of ${generatableTypes.join(', ')}`)
      .describe('the kind of document to generate'),
    instructions: z
      .string()
      .trim()
      .max(4000, 'must be at most 4000 characters')
      .optional()
      .describe('what the author wants emphasised, in their words'),
  })
  .strict();
export type GenerateBody = z.infer<typeof generateBody>;

export const clarificationParams = z.object({ id: z.string() });

export const clarificationSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  question: z.string(),
  why: z.string().nullable().describe('what the answer decides'),
  answer: z.string().nullable(),
  skipped: z.boolean(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type Clarification = z.infer<typeof clarificationSchema>;

export const pipelineStages = ['questions', 'documents'] as const;
export type PipelineStage = (typeof pipelineStages)[number];

export const clarificationsSchema = z.object({
  projectId: z.string(),
  projectStatus: z.string().describe('processing while the pipeline runs, ready once the documents exist'),
  items: z.array(clarificationSchema).describe('the clarifying questions in order; empty until the first stage is done'),
  jobId: z.string().nullable().describe('the project’s latest idea-pipeline job'),
  job: z
    .object({
      id: z.string(),
      stage: z.enum(pipelineStages),
      status: z.enum(jobStatuses),
      progress: z.number().int(),
      progressMessage: z.string().nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    })
    .nullable(),
  documents: z
    .array(z.object({ id: z.string(), type: z.string(), title: z.string(), version: z.number().int() }))
    .describe('the documents the pipeline generated (empty until it is done)'),
});
export type Clarifications = z.infer<typeof clarificationsSchema>;

const answerText = z.string().trim().max(10_000, 'must be at most 10000 characters');

export const answerClarificationsBody = z
  .object({
    answers: z
      .array(z.object({ id: z.string().min(1, 'must not be empty'), answer: answerText }).strict())
      .max(20, 'must hold at most 20 answers')
      .optional()
      .describe('answers by question id; questions left out stay unanswered'),
    skip: z.boolean().optional().describe('true: generate the documents without (further) answers'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.skip && !body.answers?.length) ctx.addIssue({ code: 'custom', path: ['answers'], message: 'must hold at least one answer, or send skip: true' });
  });
export type AnswerClarificationsBody = z.infer<typeof answerClarificationsBody>;
