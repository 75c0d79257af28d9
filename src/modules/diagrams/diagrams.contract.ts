import { z } from 'zod';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import { MAX_MERMAID_LENGTH } from '../../shared/diagram-limits.js';
import { diagramTypes } from '../../shared/workspace-kinds.js';

/** Request and response schemas of /projects/{projectId}/diagrams. */

export const diagramTypeSchema = z.enum(diagramTypes, `must be one of ${diagramTypes.join(', ')}`);

const titleSchema = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');
const descriptionSchema = z.string().trim().max(5000, 'must be at most 5000 characters');
const mermaidSchema = z.string().max(MAX_MERMAID_LENGTH, `must be at most ${MAX_MERMAID_LENGTH} characters`);
const noteSchema = z.string().trim().max(1000, 'must be at most 1000 characters');
const optionsSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 20_000, 'must be at most 20000 characters as JSON');
const imageUrlSchema = z
  .string()
  .trim()
  .max(1024, 'must be at most 1024 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');
const revBodySchema = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(2_147_483_647, 'is too large');
const revParamSchema = z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(2_147_483_647, 'is too large');

export const createDiagramBody = z
  .object({
    type: diagramTypeSchema,
    title: titleSchema,
    description: descriptionSchema.optional(),
    mermaidCode: mermaidSchema.describe('validated with Mermaid’s parser: 422 INVALID_DIAGRAM with the line and message when it does not parse or is another kind of diagram than the type'),
    options: optionsSchema.optional(),
    imageUrl: imageUrlSchema.nullable().optional(),
    sourceDocumentId: z.string().uuid('must be a document id').optional(),
  })
  .strict();
export type CreateDiagramBody = z.infer<typeof createDiagramBody>;

export const updateDiagramBody = z
  .object({
    baseRev: revBodySchema.optional().describe('the revision the edit started from; a stale one answers 409 with the current diagram'),
    title: titleSchema.optional(),
    description: descriptionSchema.nullable().optional(),
    mermaidCode: mermaidSchema.optional(),
    options: optionsSchema.optional(),
    imageUrl: imageUrlSchema.nullable().optional(),
    note: noteSchema.optional().describe('what changed, shown in the history'),
  })
  .strict();
export type UpdateDiagramBody = z.infer<typeof updateDiagramBody>;

export const restoreDiagramBody = z
  .object({
    rev: revBodySchema.min(1, 'must be 1 or more'),
    baseRev: revBodySchema.optional(),
    note: noteSchema.optional(),
  })
  .strict();
export type RestoreDiagramBody = z.infer<typeof restoreDiagramBody>;

export const generateDiagramBody = z
  .object({
    type: diagramTypeSchema,
    from: z.string().uuid('must be a document id').optional().describe('the document to draw from; default: the latest SRS, else PRD or overview, else the project description'),
    instructions: z.string().trim().max(4000, 'must be at most 4000 characters').optional(),
  })
  .strict();
export type GenerateDiagramBody = z.infer<typeof generateDiagramBody>;

export const listDiagramsQuery = z.object({ type: diagramTypeSchema.optional(), limit: limitSchema, cursor: cursorSchema }).strict();
export type ListDiagramsQuery = z.infer<typeof listDiagramsQuery>;
export const listDiagramRevisionsQuery = z.object({ limit: limitSchema, cursor: cursorSchema }).strict();
export type ListDiagramRevisionsQuery = z.infer<typeof listDiagramRevisionsQuery>;

export const projectDiagramsParams = z.object({ projectId: z.string() });
export const diagramParams = z.object({ projectId: z.string(), diagramId: z.string() });
export const diagramRevisionParams = z.object({ projectId: z.string(), diagramId: z.string(), rev: revParamSchema });

export const diagramSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  projectId: z.string(),
  type: diagramTypeSchema,
  title: z.string(),
  description: z.string().nullable(),
  mermaidCode: z.string(),
  options: z.record(z.string(), z.unknown()),
  imageUrl: z.string().nullable(),
  currentRev: z.number().int(),
  sourceDocumentId: z.string().nullable(),
  creatorId: z.string().nullable(),
  generationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Diagram = z.infer<typeof diagramSchema>;
export const diagramListItemSchema = diagramSchema;
export const diagramPageSchema = pageSchema(diagramSchema);

export const diagramRevisionSchema = z.object({
  rev: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  mermaidCode: z.string(),
  options: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  generationId: z.string().nullable(),
  restoredFrom: z.number().int().nullable(),
  createdAt: z.string(),
});
export type DiagramRevision = z.infer<typeof diagramRevisionSchema>;
export const diagramRevisionPageSchema = pageSchema(diagramRevisionSchema);
