/**
 * The entry of the worker threads that take CPU-heavy work off the thread answering requests (core/workers): the
 * offline engine's tasks, found by name in the catalog the modules registered — the same one the server serves —
 * and the modules' own worker functions (AppModule.workerFunctions).
 */
import { moduleRegistry } from './app.js';
import { offlineWorkerFunctions } from './core/ai/index.js';
import { serveWorkerFunctions } from './core/workers/worker-host.js';

serveWorkerFunctions({ ...offlineWorkerFunctions(moduleRegistry.aiTasks), ...moduleRegistry.workerFunctions });
