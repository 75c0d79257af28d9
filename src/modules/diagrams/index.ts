import type { AppContext } from '../../app.js';
import type { JobHandler } from '../../core/jobs/index.js';

export { diagramsRoutes } from './diagrams.routes.js';
export { diagramRevisions, diagrams, diagramTypes, type DiagramType } from './diagrams.schema.js';

/** The diagrams module's background jobs. */
export function diagramsJobHandlers(_context: AppContext): JobHandler[] {
  return [];
}
