/** A worker entry for the worker-thread tests: the test tasks, served as src/worker.ts serves the modules' tasks. */
import { offlineWorkerFunctions } from '../../src/core/ai/index.js';
import { serveWorkerFunctions } from '../../src/core/workers/worker-host.js';
import { testTaskCatalog } from './offline-test-tasks.js';

serveWorkerFunctions(offlineWorkerFunctions(testTaskCatalog));
