import type { AppModule } from '../../core/module.js';
import { adviceRoutes } from './advice/advice.routes.js';
import { documentSchemaTask } from './ai/document-schema/index.js';
import { registerConnectionRoutes } from './connections/connections.routes.js';
import { docsRoutes } from './docs/docs.routes.js';
import { generateDocsJob } from './docs/generate-docs.job.js';
import { erdRoutes } from './erd/erd.routes.js';
import { lintRoutes } from './lint/lint.routes.js';
import { mockJob } from './mock/mock.job.js';
import { mockRoutes } from './mock/mock.routes.js';
import { registerExecutionRoutes } from './queries/executions.routes.js';
import { registerSavedQueryRoutes } from './queries/queries.routes.js';
import { ingestJob, snapshotRoutes } from './snapshot/index.js';
import { openSqlRunner } from './sql/open-sql-runner.js';

export { connections, executions, savedQueries, schemaColumns, schemaDocs, schemaSnapshots, schemaTables } from './dbassist.schema.js';

/**
 * The database assistant (seed 002): connections to outside databases, versioned schema snapshots with diffs,
 * documentation, lint, coverage and ER diagrams; saved queries and runs of SQL with their history and rows.
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
    await mockRoutes(api, context);
    await registerSavedQueryRoutes(api, context);
    await registerExecutionRoutes(api, context, openSqlRunner);
  },
  jobs: (context) => [ingestJob(context), generateDocsJob(context), mockJob(context)],
  aiTasks: [documentSchemaTask],
};
