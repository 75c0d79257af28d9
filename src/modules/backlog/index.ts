import type { AppModule } from '../../core/module.js';
import { registerTaskRoutes } from './tasks/tasks.routes.js';

export { createTasksFromPlan } from './tasks/tasks-from-plan.service.js';

/** The backlog: epics, stories with keys, sprints with burndown and velocity, phase tasks (seeds 004 and 003). */
export const backlogModule: AppModule = {
  name: 'backlog',
  async routes(api, context) {
    await registerTaskRoutes(api, context);
  },
};
