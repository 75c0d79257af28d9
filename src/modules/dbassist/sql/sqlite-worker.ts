/** The SQLite runner's worker thread (started by sqlite-runner.ts through the core worker pool). */
import { serveWorkerFunctions } from '../../../core/workers/worker-host.js';
import { sqliteExplain, sqliteRun, type SqliteRunTask, type SqliteTask } from './sqlite-statements.js';

serveWorkerFunctions({
  explain: (payload) => sqliteExplain(payload as SqliteTask),
  run: (payload) => sqliteRun(payload as SqliteRunTask),
});
