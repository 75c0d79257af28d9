import type { AppContext } from '../../core/context.js';
import type { ZodApp } from '../../core/http/request-context.js';
import type { AppModule } from '../../core/module.js';
import { generateStoriesJob } from './ai/generate-stories.job.js';
import { registerBacklogAiRoutes } from './ai/backlog-ai.routes.js';
import { storyEstimateTask } from './ai/story-estimate/index.js';
import { storyGenerationTask } from './ai/story-generation/index.js';
import { registerEpicRoutes } from './epics.routes.js';
import { registerSprintRoutes } from './sprints.routes.js';
import { registerStoryActionRoutes } from './story-actions.routes.js';
import { registerStoryRoutes } from './stories.routes.js';
import { registerTaskRoutes } from './tasks/tasks.routes.js';

export {
  checkStoryRefs,
  createStories,
  createStory,
  getStory,
  listStories,
  loadStory,
  storyKey,
  toStory,
  updateStory,
  type CreateStoriesOptions,
  type StoryRow,
} from './stories.service.js';
export { requireBacklogAccess } from './backlog-access.js';
export { createTasksFromPlan } from './tasks/tasks-from-plan.service.js';
export { GENERATE_STORIES_JOB } from './ai/generate-stories.service.js';
export { storySchema, type CreateStoryBody, type Story, type StoryPriority, type StoryStatus } from './backlog.contract.js';
export { epics, sprints, stories, storyActivity, storyRelations, tasks, taskActivity } from './backlog.schema.js';

/** Each part of the backlog mounts its routes from its own file. */
async function backlogRoutes(api: ZodApp, context: AppContext): Promise<void> {
  await registerStoryRoutes(api, context);
  await registerBacklogAiRoutes(api, context);
  await registerTaskRoutes(api, context);
  await registerStoryActionRoutes(api, context);
  await registerEpicRoutes(api, context);
  await registerSprintRoutes(api, context);
}

/** The backlog: epics, stories with keys, sprints with burndown and velocity, phase tasks (seeds 004 and 003). */
export const backlogModule: AppModule = {
  name: 'backlog',
  routes: backlogRoutes,
  jobs: (context) => [generateStoriesJob(context)],
  aiTasks: [storyGenerationTask, storyEstimateTask],
};
