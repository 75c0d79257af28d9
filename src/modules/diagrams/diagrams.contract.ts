import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import { MAX_MERMAID_LENGTH } from '../../shared/diagram-limits.js';
import { diagramTypes } from '../../shared/workspace-kinds.js';

/** Request and response schemas of /projects/{projectId}/diagrams. */

export const diagramTypeSchema = z.enum(diagramTypes, oneOf('Type', diagramTypes));

const titleSchema = z.string(requiredAs('Title', 'text')).trim().min(1, isRequired('Title')).max(255, atMost('Title', 255));
const descriptionSchema = z.string(requiredAs('Description', 'text')).trim().max(5000, atMost('Description', 5000));
const mermaidSchema = z.string(requiredAs('Mermaid code', 'text')).max(MAX_MERMAID_LENGTH, atMost('Mermaid code', MAX_MERMAID_LENGTH));
const noteSchema = z.string(requiredAs('Note', 'text')).trim().max(1000, atMost('Note', 1000));
const optionsSchema = z
  .record(z.string(), z.unknown(), { error: 'Options must be an object' })
  .refine((value) => JSON.stringify(value).length <= 20_000, 'Options must be at most 20000 characters as JSON');
const imageUrlSchema = z
  .string(requiredAs('Image URL', 'text'))
  .trim()
  .max(1024, atMost('Image URL', 1024))
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Image URL must be an http:// or https:// URL');
const revBodySchema = (label: string) =>
  z.number(requiredAs(label, 'a number')).int(`${label} must be a whole number`).min(0, `${label} must be 0 or more`).max(2_147_483_647, `${label} is too large`);
const revParamSchema = z.coerce
  .number('Revision must be a number')
  .int('Revision must be a whole number')
  .min(1, 'Revision must be 1 or more')
  .max(2_147_483_647, 'Revision is too large');

export const createDiagramBody = z
  .object({
    type: diagramTypeSchema,
    title: titleSchema,
    description: descriptionSchema.optional(),
    mermaidCode: mermaidSchema.describe('validated with Mermaid’s parser: 422 INVALID_DIAGRAM with the line and message when it does not parse or is another kind of diagram than the type'),
    options: optionsSchema.optional(),
    imageUrl: imageUrlSchema.nullable().optional(),
    sourceDocumentId: z.string().uuid('Source document must be a document id').optional(),
  })
  .strict();
export type CreateDiagramBody = z.infer<typeof createDiagramBody>;

export const updateDiagramBody = z
  .object({
    baseRev: revBodySchema('Base revision').optional().describe('the revision the edit started from; a stale one answers 409 with the current diagram'),
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
    rev: revBodySchema('Revision').min(1, 'Revision must be 1 or more'),
    baseRev: revBodySchema('Base revision').optional(),
    note: noteSchema.optional(),
  })
  .strict();
export type RestoreDiagramBody = z.infer<typeof restoreDiagramBody>;

export const generateDiagramBody = z
  .object({
    type: diagramTypeSchema,
    from: z.string().uuid('Source document must be a document id').optional().describe('the document to draw from; default: the latest SRS, else PRD or overview, else the project description'),
    instructions: z.string(requiredAs('Instructions', 'text')).trim().max(4000, atMost('Instructions', 4000)).optional(),
    focus: z
      .string(requiredAs('Focus', 'text'))
      .trim()
      .max(200, atMost('Focus', 200))
      .optional()
      .describe('the entity or use case to draw, by its id or name in the project model'),
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
