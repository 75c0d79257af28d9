import type { AppContext } from '../app.js';
import type { ZodApp } from '../core/http/request-context.js';
import type { JobHandler } from '../core/jobs/index.js';
import { aiRoutes } from './ai/ai.routes.js';
import { taskBatchJob } from './ai/index.js';
import { auditRoutes } from './audit/audit.routes.js';
import { chatRoutes } from './chat/index.js';
import { diagramsJobHandlers, diagramsRoutes } from './diagrams/index.js';
import { documentsRoutes } from './documents/documents.routes.js';
import { exportsRoutes } from './exports/index.js';
import { generationJobHandlers, generationRoutes } from './generation/index.js';
import { identityRoutes } from './identity/identity.routes.js';
import { jobsRoutes } from './jobs/jobs.routes.js';
import { organizationsRoutes } from './organizations/organizations.routes.js';
import { projectsRoutes } from './projects/projects.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { wireframesJobHandlers, wireframesRoutes } from './wireframes/index.js';

/** Every module's routes, mounted under /api/v1. */
export async function registerModules(api: ZodApp, context: AppContext): Promise<void> {
  await identityRoutes(api, context);
  await organizationsRoutes(api, context);
  await projectsRoutes(api, context);
  await auditRoutes(api, context);
  await aiRoutes(api, context);
  await jobsRoutes(api, context);
  await documentsRoutes(api, context);
  await searchRoutes(api, context);
  await generationRoutes(api, context);
  await diagramsRoutes(api, context);
  await wireframesRoutes(api, context);
  await chatRoutes(api, context);
  await exportsRoutes(api, context);
}

/** Every module's background job handlers: the runner runs them, enqueueJob validates payloads against them. */
export function jobHandlers(context: AppContext): JobHandler[] {
  return [taskBatchJob(context), ...generationJobHandlers(context), ...diagramsJobHandlers(context), ...wireframesJobHandlers(context)];
}
