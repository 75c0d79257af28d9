import { z } from 'zod';
import { generatableTemplates, type GeneratableTemplate } from '../../../../shared/workspace-kinds.js';
import { emptyProjectModel, projectModelSchema } from '../../../project-model/index.js';

/** The templates the task draws from (a screen of its own design is "custom"). */
export const wireframeTemplateTypes = generatableTemplates;
export type WireframeTemplateType = GeneratableTemplate;

export const MAX_WIREFRAME_SOURCE = 60_000;

export const wireframeTaskInput = z
  .object({
    projectName: z.string().trim().min(1).max(255),
    idea: z.string().trim().min(1).max(20_000).describe('what the project is about, in its author’s words'),
    source: z
      .object({ title: z.string().trim().max(255), markdown: z.string().max(MAX_WIREFRAME_SOURCE) })
      .strict()
      .optional()
      .describe('the document the screens come from (an SRS or PRD)'),
    screen: z.string().trim().min(1).max(200).optional().describe('the screen to draw, in the author’s words'),
    templateType: z.enum(wireframeTemplateTypes).optional(),
    /** What the screens are drawn from: the project's current model (empty when nothing was understood yet). */
    model: projectModelSchema.default(emptyProjectModel),
    /** The id of the model entity the screen shows, when the caller chose one. */
    entity: z.string().trim().max(80).optional(),
  })
  .strict();
export type WireframeTaskInput = z.infer<typeof wireframeTaskInput>;
/** What a caller passes: the model may be left out (an empty model). */
export type WireframeTaskRequest = z.input<typeof wireframeTaskInput>;

export const wireframeOutput = z
  .object({
    title: z.string().trim().min(1).max(255).describe('The screen’s name, e.g. "Shifts"'),
    description: z.string().max(2000).describe('One or two sentences: what the screen is for and what it shows'),
    html: z.string().min(1).max(400_000).describe('The body markup only: semantic HTML, no <html>/<head>, no scripts, no external URLs'),
    css: z.string().max(150_000).describe('The stylesheet for that markup; no @import, no url() except data:image'),
    templateType: z.enum([...wireframeTemplateTypes, 'custom']).describe('list, detail, form, dashboard, auth, or custom'),
  })
  .describe('A low-fidelity wireframe of one screen');
export type WireframeOutput = z.infer<typeof wireframeOutput>;
