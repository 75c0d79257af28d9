import type { AppModule } from '../../core/module.js';
import { adviceRoutes } from './advice/advice.routes.js';
import { documentSchemaTask } from './ai/document-schema/index.js';
import { registerConnectionRoutes } from './connections/connections.routes.js';
import { docsRoutes } from './docs/docs.routes.js';
import { generateDocsJob } from './docs/generate-docs.job.js';
import { erdRoutes } from './erd/erd.routes.js';
import { lintRoutes } from './lint/lint.routes.js';
import { ingestJob, snapshotRoutes } from './snapshot/index.js';

export { connections, schemaColumns, schemaDocs, schemaSnapshots, schemaTables } from './dbassist.schema.js';

/**
 * The database assistant (seed 002): connections to outside databases, versioned schema snapshots with diffs,
 * documentation, lint, coverage and ER diagrams.
 */
export const dbassistModule: AppModule = {
  name: 'dbassist',
  async routes(api, context) {
    await registerConnectionRoutes(api, context);
    await snapshotRoutes(api, context);
    await docsRoutes(api, context);
    await lintRoutes(api, context);
    await erdRoutes(api, context);
    await adviceRoutes(api, context);
  },
  jobs: (context) => [ingestJob(context), generateDocsJob(context)],
  aiTasks: [documentSchemaTask],
};
