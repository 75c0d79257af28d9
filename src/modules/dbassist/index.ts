import type { AppModule } from '../../core/module.js';
import { documentSchemaTask } from './ai/document-schema/index.js';
import { docsRoutes } from './docs/docs.routes.js';
import { generateDocsJob } from './docs/generate-docs.job.js';

export { connections, schemaColumns, schemaDocs, schemaSnapshots, schemaTables } from './dbassist.schema.js';

/**
 * The database assistant (seed 002): connections to outside databases, versioned schema snapshots with diffs,
 * documentation, lint, coverage and ER diagrams.
 */
export const dbassistModule: AppModule = {
  name: 'dbassist',
  routes: async (api, context) => {
    await docsRoutes(api, context);
  },
  jobs: (context) => [generateDocsJob(context)],
  aiTasks: [documentSchemaTask],
};
