import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { projectRoleFirst } from '../../projects/index.js';
import {
  createTaskBody,
  listTaskActivityQuery,
  listTasksQuery,
  projectTasksParams,
  taskActivityPageSchema,
  taskPageSchema,
  taskParams,
  taskSchema,
  tasksFromPlanBody,
  tasksFromPlanResultSchema,
  updateTaskBody,
} from '../backlog.contract.js';
import { listTaskActivity, recordTaskAction } from './task-activity.service.js';
import { createTasksFromPlan } from './tasks-from-plan.service.js';
import { createTask, deleteTask, getTask, listTasks, updateTask } from './tasks.service.js';

const tags = ['backlog'];

/** Seed 003's phase tasks: /projects/{projectId}/tasks, complete and reopen as task_activity rows, and plans as tasks. */
export async function registerTaskRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  // Who may not edit hears 401/404/403 before anything about the body is judged.
  const editorsFirst = projectRoleFirst(db, 'editor');
  const base = '/projects/:projectId/tasks';
  const one = `${base}/:taskId`;

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'The project’s tasks by phase, then position; filters phase and storyId',
        params: projectTasksParams,
        querystring: listTasksQuery,
        response: { 200: taskPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listTasks(tx, userId, request.params.projectId, request.query));
    },
  );

  api.post(
    base,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Create a task at the end of its phase (editors and up)',
        params: projectTasksParams,
        body: createTaskBody,
        response: { 201: taskSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const task = await withUser(db, actor.userId, (tx) => createTask(tx, actor, request.params.projectId, request.body));
      return reply.status(201).send(task);
    },
  );

  api.post(
    `${base}/from-plan`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary:
          'Turn a delivery plan into tasks (editors and up): titles the project has are kept, untouched tasks of an earlier plan that the plan dropped are removed; running it again changes nothing',
        params: projectTasksParams,
        body: tasksFromPlanBody,
        response: { 200: tasksFromPlanResultSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => createTasksFromPlan(tx, actor, request.params.projectId, request.body.documentId));
    },
  );

  api.get(
    one,
    { schema: { tags, summary: 'A task', params: taskParams, response: { 200: taskSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getTask(tx, userId, request.params.projectId, request.params.taskId));
    },
  );

  api.patch(
    one,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Edit a task (editors and up); one moved to another phase goes to its end',
        params: taskParams,
        body: updateTaskBody,
        response: { 200: taskSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const { projectId, taskId } = request.params;
      return withUser(db, actor.userId, (tx) => updateTask(tx, actor, projectId, taskId, request.body));
    },
  );

  api.delete(
    one,
    {
      preValidation: editorsFirst,
      schema: { tags, summary: 'Delete a task and its activity (editors and up)', params: taskParams, response: { 204: z.null().describe('deleted') } },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const { projectId, taskId } = request.params;
      await withUser(db, actor.userId, (tx) => deleteTask(tx, actor, projectId, taskId));
      return reply.status(204).send(null);
    },
  );

  const actions = [
    ['complete', 'Complete a task (editors and up): a task_activity row; 409 when it is already complete'],
    ['reopen', 'Reopen a completed task (editors and up): a task_activity row; 409 when it is not complete'],
  ] as const;
  for (const [action, summary] of actions) {
    api.post(
      `${one}/${action}`,
      { preValidation: editorsFirst, schema: { tags, summary, params: taskParams, response: { 200: taskSchema } } },
      async (request) => {
        const actor = requireUserActor(request);
        const { projectId, taskId } = request.params;
        return withUser(db, actor.userId, (tx) => recordTaskAction(tx, actor, projectId, taskId, action));
      },
    );
  }

  api.get(
    `${one}/activity`,
    {
      schema: {
        tags,
        summary: 'Who completed and reopened the task, newest first',
        params: taskParams,
        querystring: listTaskActivityQuery,
        response: { 200: taskActivityPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, taskId } = request.params;
      return withUser(db, userId, (tx) => listTaskActivity(tx, userId, projectId, taskId, request.query));
    },
  );
}
