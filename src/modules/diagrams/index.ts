import type { AppModule } from '../../core/module.js';
import { generateDiagramTask } from './ai/generate-diagram/index.js';
import { diagramsRoutes } from './diagrams.routes.js';
import { generateDiagramJob } from './generate-diagram.job.js';

export { diagramRevisions, diagrams, diagramTypes, type DiagramType } from './diagrams.schema.js';
export { closeMermaidValidator, validateMermaid, type MermaidValidation } from './mermaid-validator.js';
export { createDiagram, type NewDiagram } from './diagrams.service.js';
export { GENERATE_DIAGRAM_JOB } from './diagram-generation.service.js';
export { generateDiagramTask, type GenerateDiagramInput, type GeneratedDiagram } from './ai/generate-diagram/index.js';

/** Mermaid diagrams of a project, written by hand or generated from its project model. */
export const diagramsModule: AppModule = {
  name: 'diagrams',
  routes: diagramsRoutes,
  jobs: (context) => [generateDiagramJob(context)],
  aiTasks: [generateDiagramTask],
};
