import { z } from 'zod';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import { generatableTemplates, wireframeTemplates } from '../../shared/workspace-kinds.js';

/** Request and response schemas of /projects/{projectId}/wireframes, shared by server, OpenAPI and the web client. */

export const MAX_HTML_LENGTH = 500_000;
export const MAX_CSS_LENGTH = 200_000;

export const wireframeTemplateSchema = z.enum(wireframeTemplates, `must be one of ${wireframeTemplates.join(', ')}`);

const titleSchema = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');
const descriptionSchema = z.string().trim().max(5000, 'must be at most 5000 characters');
const htmlSchema = z
  .string()
  .max(MAX_HTML_LENGTH, `must be at most ${MAX_HTML_LENGTH} characters`)
  .refine((html) => html.trim() !== '', 'must not be empty: a wireframe needs some markup');
const cssSchema = z.string().max(MAX_CSS_LENGTH, `must be at most ${MAX_CSS_LENGTH} characters`);
const metadataSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 100_000, 'must be at most 100000 characters as JSON');

export const createWireframeBody = z
  .object({
    title: titleSchema,
    description: descriptionSchema.nullish(),
    htmlContent: htmlSchema.describe('the body markup; sanitized on save (no scripts, handlers or external resources)'),
    cssContent: cssSchema.nullish().describe('sanitized on save (no @import, no url() but data:image)'),
    templateType: wireframeTemplateSchema.nullish(),
    metadata: metadataSchema.optional(),
  })
  .strict();
export type CreateWireframeBody = z.infer<typeof createWireframeBody>;

export const updateWireframeBody = z
  .object({
    title: titleSchema.optional(),
    description: descriptionSchema.nullish(),
    htmlContent: htmlSchema.optional(),
    cssContent: cssSchema.nullish(),
    templateType: wireframeTemplateSchema.nullish(),
    metadata: metadataSchema.optional(),
    baseUpdatedAt: z
      .string()
      .datetime({ offset: true, message: 'must be an ISO timestamp (the updatedAt you loaded)' })
      .optional()
      .describe('the updatedAt the edit started from; a newer one on the server answers 409 with the current wireframe'),
  })
  .strict();
export type UpdateWireframeBody = z.infer<typeof updateWireframeBody>;

export const listWireframesQuery = z
  .object({ templateType: wireframeTemplateSchema.optional(), limit: limitSchema, cursor: cursorSchema })
  .strict();
export type ListWireframesQuery = z.infer<typeof listWireframesQuery>;

export const generateWireframesBody = z
  .object({
    from: z.string().trim().min(1, 'must not be empty').optional().describe('the id of a document (e.g. the SRS or PRD) the screens come from'),
    screen: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional().describe('one screen to draw, e.g. "Shift list"'),
    templateType: z.enum(generatableTemplates, `must be one of ${generatableTemplates.join(', ')}`).optional(),
  })
  .strict();
export type GenerateWireframesBody = z.infer<typeof generateWireframesBody>;

export const projectWireframesParams = z.object({ projectId: z.string() });
export const wireframeParams = z.object({ projectId: z.string(), wireframeId: z.string() });

export const wireframeSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  projectId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  htmlContent: z.string(),
  cssContent: z.string().nullable(),
  templateType: wireframeTemplateSchema.nullable(),
  metadata: z.record(z.string(), z.unknown()),
  sourceDocumentId: z.string().nullable(),
  creatorId: z.string().nullable(),
  generationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Wireframe = z.infer<typeof wireframeSchema>;

export const sanitizedSchema = z
  .object({ removed: z.array(z.string()).describe('what the sanitizer took out of the HTML and CSS; empty when nothing') })
  .describe('what was removed on this save');

export const savedWireframeSchema = wireframeSchema.extend({ sanitized: sanitizedSchema });
export type SavedWireframe = z.infer<typeof savedWireframeSchema>;

export const wireframeListItemSchema = wireframeSchema;
export const wireframePageSchema = pageSchema(wireframeListItemSchema);
export type WireframePage = z.infer<typeof wireframePageSchema>;
