import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { documentTypes, generatableTypes } from '../../shared/document-kinds.js';
import { jobStatuses } from '../../shared/job-statuses.js';

/** Request and response schemas of document generation and the idea pipeline, shared by server and OpenAPI. */

export const generateParams = z.object({ projectId: z.string() });

export const generateBody = z
  .object({
    type: z
      .enum(generatableTypes, oneOf('Type', generatableTypes))
      .describe('the kind of document to generate'),
    instructions: z
      .string(requiredAs('Instructions', 'text'))
      .trim()
      .max(4000, atMost('Instructions', 4000))
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
    .array(z.object({ id: z.string(), type: z.enum(documentTypes), title: z.string(), version: z.number().int() }))
    .describe('the documents the pipeline generated (empty until it is done)'),
});
export type Clarifications = z.infer<typeof clarificationsSchema>;

const answerText = z.string(requiredAs('Answer', 'text')).trim().max(10_000, atMost('Answer', 10000));

export const answerClarificationsBody = z
  .object({
    answers: z
      .array(z.object({ id: z.string(requiredAs('Question id', 'text')).min(1, isRequired('Question id')), answer: answerText }).strict())
      .max(20, 'Answers must hold at most 20 answers')
      .optional()
      .describe('answers by question id; questions left out stay unanswered'),
    skip: z.boolean().optional().describe('true: generate the documents without (further) answers'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.skip && !body.answers?.length) ctx.addIssue({ code: 'custom', path: ['answers'], message: 'Answer at least one question, or send skip: true' });
  });
export type AnswerClarificationsBody = z.infer<typeof answerClarificationsBody>;

/** A section of an existing document the generator drew on, kept in the generated document's metadata.citations. */
export const sourceCitationSchema = z.object({
  id: z.string().describe('the id the model saw: <documentId>#<blockId>'),
  documentId: z.string(),
  documentType: z.enum(documentTypes),
  documentTitle: z.string(),
  rev: z.number().int(),
  blockId: z.string(),
  heading: z.string().nullable(),
});
export type SourceCitation = z.infer<typeof sourceCitationSchema>;
