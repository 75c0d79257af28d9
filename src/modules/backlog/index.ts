import type { AppModule } from '../../core/module.js';

/** The backlog: epics, stories with keys, sprints with burndown and velocity, phase tasks (seeds 004 and 003). */
export const backlogModule: AppModule = {
  name: 'backlog',
};
