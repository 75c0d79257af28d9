import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import { generatableTemplates, wireframeTemplates } from '../../shared/workspace-kinds.js';

/** Request and response schemas of /projects/{projectId}/wireframes, shared by server, OpenAPI and the web client. */

export const MAX_HTML_LENGTH = 500_000;
export const MAX_CSS_LENGTH = 200_000;

export const wireframeTemplateSchema = z.enum(wireframeTemplates, oneOf('Template', wireframeTemplates));

const titleSchema = z.string(requiredAs('Title', 'text')).trim().min(1, isRequired('Title')).max(255, atMost('Title', 255));
const descriptionSchema = z.string(requiredAs('Description', 'text')).trim().max(5000, atMost('Description', 5000));
const htmlSchema = z
  .string(requiredAs('HTML', 'text'))
  .max(MAX_HTML_LENGTH, atMost('HTML', MAX_HTML_LENGTH))
  .refine((html) => html.trim() !== '', 'HTML must not be empty: a wireframe needs some markup');
const cssSchema = z.string(requiredAs('CSS', 'text')).max(MAX_CSS_LENGTH, atMost('CSS', MAX_CSS_LENGTH));
const metadataSchema = z
  .record(z.string(), z.unknown(), { error: 'Metadata must be an object' })
  .refine((value) => JSON.stringify(value).length <= 100_000, 'Metadata must be at most 100000 characters as JSON');

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
      .datetime({ offset: true, message: 'Base updatedAt must be an ISO timestamp (the updatedAt you loaded)' })
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
    from: z.string(requiredAs('Source document', 'text')).trim().min(1, 'Source document must not be empty').optional().describe('the id of a document (e.g. the SRS or PRD) the screens come from'),
    screen: z.string(requiredAs('Screen', 'text')).trim().min(1, 'Screen must not be empty').max(200, atMost('Screen', 200)).optional().describe('one screen to draw, e.g. "Shift list"'),
    templateType: z.enum(generatableTemplates, oneOf('Template', generatableTemplates)).optional(),
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
