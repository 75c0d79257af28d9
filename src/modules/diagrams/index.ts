import type { AppContext } from '../../app.js';
import type { AiTask } from '../../core/ai/index.js';
import type { JobHandler } from '../../core/jobs/index.js';
import { generateDiagramTask } from './ai/generate-diagram/index.js';
import { generateDiagramJob } from './generate-diagram.job.js';

export { diagramsRoutes } from './diagrams.routes.js';
export { diagramRevisions, diagrams, diagramTypes, type DiagramType } from './diagrams.schema.js';
export { closeMermaidValidator, validateMermaid, type MermaidValidation } from './mermaid-validator.js';
export { GENERATE_DIAGRAM_JOB } from './diagram-generation.service.js';
export { generateDiagramTask, type GenerateDiagramInput, type GeneratedDiagram } from './ai/generate-diagram/index.js';

/** The diagrams module's AI tasks. */
export const diagramsAiTasks: readonly AiTask[] = [generateDiagramTask];

/** The diagrams module's background jobs. */
export function diagramsJobHandlers(context: AppContext): JobHandler[] {
  return [generateDiagramJob(context)];
}
