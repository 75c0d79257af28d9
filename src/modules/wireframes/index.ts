import type { AppContext } from '../../app.js';
import type { JobHandler } from '../../core/jobs/index.js';

export { wireframesRoutes } from './wireframes.routes.js';
export { wireframes, wireframeTemplates, type WireframeTemplate } from './wireframes.schema.js';

/** The wireframes module's background jobs. */
export function wireframesJobHandlers(_context: AppContext): JobHandler[] {
  return [];
}
