import { z } from 'zod';
import { emptyProjectModel, projectModelSchema } from '../../../project-model/index.js';
import { diagramKinds } from './kinds.js';

export const MAX_DIAGRAM_SOURCE = 60_000;

export const generateDiagramInput = z
  .object({
    type: z.enum(diagramKinds),
    projectName: z.string().trim().min(1).max(255),
    description: z.string().max(20_000).optional(),
    sourceTitle: z.string().max(255).optional(),
    /** The source document's Markdown, or the project description when there is no document. */
    sourceText: z.string().max(MAX_DIAGRAM_SOURCE),
    instructions: z.string().max(4000).optional(),
    /** What the diagram is drawn from: the project's current model (empty when nothing was understood yet). */
    model: projectModelSchema.default(emptyProjectModel),
    /** The entity or use case to draw (its id or name), or free text naming it ("the return of a tool"). */
    focus: z.string().trim().max(200).optional(),
    /** First day of a Gantt chart (YYYY-MM-DD). */
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** On a repair: the code the parser rejected and what it said. */
    previousCode: z.string().max(100_000).optional(),
    parserError: z.string().max(4000).optional(),
  })
  .strict();
export type GenerateDiagramInput = z.infer<typeof generateDiagramInput>;

export const generateDiagramOutput = z
  .object({
    title: z.string().trim().min(1).max(255).describe('A short title for the diagram'),
    description: z.string().max(2000).describe('One or two sentences on what the diagram shows'),
    mermaid: z.string().min(1).max(100_000).describe('The Mermaid code, without a ``` fence'),
  })
  .describe('A Mermaid diagram');
export type GeneratedDiagram = z.infer<typeof generateDiagramOutput>;
