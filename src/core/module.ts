import type { AiTask } from './ai/task.js';
import { createAiTaskCatalog, type AiTaskCatalog } from './ai/task-catalog.js';
import type { AppContext } from './context.js';
import type { ZodApp } from './http/request-context.js';
import type { JobHandler } from './jobs/index.js';
import type { WorkerFunctions } from './workers/worker-host.js';

/**
 * One area of the product: its HTTP routes, background jobs and AI tasks. Each module's
 * index.ts exports its module object, src/modules/index.ts lists them, and only the composition root reads that list.
 * Modules use each other through their index.ts alone (test/module-boundaries.test.ts holds them to it).
 */
export type AppModule = {
  /** Unique; names the module in errors. */
  name: string;
  /** Mounts the module's routes (under /api/v1). */
  routes?(api: ZodApp, context: AppContext): Promise<void>;
  /** The module's background job handlers: the runner runs them, enqueueJob validates payloads against them. */
  jobs?(context: AppContext): JobHandler[];
  /** The AI tasks the module owns: GET /ai/tasks lists them, the task routes and the ai.task-batch job run them. */
  aiTasks?: readonly AiTask[];
  /**
   * CPU-heavy pure functions of the module, by name (prefixed with the module's name), that context.offload runs in a
   * worker thread so requests are not held up by them.
   */
  workerFunctions?: WorkerFunctions;
};

/** What the modules registered, built once from the module list by the composition root. */
export type ModuleRegistry = {
  readonly aiTasks: AiTaskCatalog;
  /** Every module's routes, in list order: the order of the paths in the OpenAPI document. */
  registerRoutes(api: ZodApp, context: AppContext): Promise<void>;
  /** Every module's job handlers. */
  jobHandlers(context: AppContext): JobHandler[];
  /** Every module's worker functions: served by the worker threads (src/worker.ts) and run through context.offload. */
  readonly workerFunctions: WorkerFunctions;
};

export function createModuleRegistry(modules: readonly AppModule[]): ModuleRegistry {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`Two modules are named "${module.name}"`);
    names.add(module.name);
  }
  const workerFunctions: Record<string, WorkerFunctions[string]> = {};
  for (const module of modules) {
    for (const [name, fn] of Object.entries(module.workerFunctions ?? {})) {
      if (Object.hasOwn(workerFunctions, name)) throw new Error(`Worker function "${name}" is registered twice (again by ${module.name})`);
      workerFunctions[name] = fn;
    }
  }
  return {
    aiTasks: createAiTaskCatalog(modules.flatMap((module) => module.aiTasks ?? [])),
    workerFunctions,
    async registerRoutes(api, context) {
      for (const module of modules) await module.routes?.(api, context);
    },
    jobHandlers(context) {
      const owners = new Map<string, string>();
      return modules.flatMap((module) =>
        (module.jobs?.(context) ?? []).map((handler) => {
          const owner = owners.get(handler.type);
          if (owner) throw new Error(`Job type "${handler.type}" is registered by both ${owner} and ${module.name}`);
          owners.set(handler.type, module.name);
          return handler;
        }),
      );
    },
  };
}
