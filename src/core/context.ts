import type { Config } from '../config.js';
import type { AiGateway } from './ai/index.js';
import type { AiTaskCatalog } from './ai/task-catalog.js';
import type { Database } from './db/database.js';
import type { Mailer } from './mail.js';
import type { Offload } from './workers/offload.js';

/** The services a process opens once and every module shares. */
export type AppServices = { config: Config; db: Database; mailer: Mailer; ai: AiGateway };

/**
 * What every module's routes and jobs get: the shared services plus what the modules registered that other modules
 * read at run time. The composition root (src/app.ts) builds it; modules never import the module list themselves.
 */
export type AppContext = AppServices & {
  aiTasks: AiTaskCatalog;
  /** Runs the modules' worker functions off the request thread (in it when the process has no worker pool). */
  offload: Offload;
};
