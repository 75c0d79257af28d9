import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { projectRoleFirst } from '../projects/index.js';
import {
  burndownSchema,
  completeSprintBody,
  completeSprintResultSchema,
  createSprintBody,
  listSprintsQuery,
  projectBacklogParams,
  sprintPageSchema,
  sprintParams,
  sprintSchema,
  startSprintBody,
  updateSprintBody,
  velocityQuery,
  velocitySchema,
} from './backlog.contract.js';
import { projectVelocity, sprintBurndown } from './burndown.service.js';
import { completeSprint, createSprint, deleteSprint, getSprint, listSprints, startSprint, updateSprint } from './sprints.service.js';

const tags = ['backlog'];

/** /projects/{projectId}/sprints, their start and completion, burndown, and the project's velocity. */
export async function registerSprintRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const editorsFirst = projectRoleFirst(db, 'editor');
  const base = '/projects/:projectId/sprints';
  const one = `${base}/:sprintId`;

  api.post(
    base,
    { preValidation: editorsFirst, schema: { tags, summary: 'Plan a sprint (editors and up)', params: projectBacklogParams, body: createSprintBody, response: { 201: sprintSchema } } },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const sprint = await withUser(db, actor.userId, (tx) => createSprint(tx, actor, request.params.projectId, request.body));
      return reply.status(201).send(sprint);
    },
  );

  api.get(
    base,
    { schema: { tags, summary: 'Sprints in the order they were planned, each with its scope', params: projectBacklogParams, querystring: listSprintsQuery, response: { 200: sprintPageSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listSprints(tx, userId, request.params.projectId, request.query));
    },
  );

  api.get(one, { schema: { tags, summary: 'A sprint with its scope', params: sprintParams, response: { 200: sprintSchema } } }, async (request) => {
    const { userId } = requireAuth(request);
    return withUser(db, userId, (tx) => getSprint(tx, userId, request.params.projectId, request.params.sprintId));
  });

  api.patch(
    one,
    { preValidation: editorsFirst, schema: { tags, summary: 'Edit a sprint’s name, goal or dates (editors and up)', params: sprintParams, body: updateSprintBody, response: { 200: sprintSchema } } },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => updateSprint(tx, actor, request.params.projectId, request.params.sprintId, request.body));
    },
  );

  api.delete(
    one,
    {
      preValidation: editorsFirst,
      schema: { tags, summary: 'Delete a planned or completed sprint (editors and up); its stories go back to the backlog', params: sprintParams, response: { 204: z.null().describe('deleted') } },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      await withUser(db, actor.userId, (tx) => deleteSprint(tx, actor, request.params.projectId, request.params.sprintId));
      return reply.status(204).send(null);
    },
  );

  api.post(
    `${one}/start`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Start a planned sprint (editors and up); 409 when another sprint of the project is active. Records the committed points',
        params: sprintParams,
        body: startSprintBody.nullish().describe('optional: {} or no body at all'),
        response: { 200: sprintSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => startSprint(tx, actor, request.params.projectId, request.params.sprintId, request.body ?? {}));
    },
  );

  api.post(
    `${one}/complete`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Complete the active sprint (editors and up): records its velocity and moves unfinished stories to the backlog, the next sprint or a chosen one',
        params: sprintParams,
        body: completeSprintBody,
        response: { 200: completeSprintResultSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => completeSprint(tx, actor, request.params.projectId, request.params.sprintId, request.body));
    },
  );

  api.get(
    `${one}/burndown`,
    {
      schema: {
        tags,
        summary: 'Per day of a started sprint: remaining points and stories, the scope line and the ideal line, rebuilt from the stories’ history',
        params: sprintParams,
        response: { 200: burndownSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => sprintBurndown(tx, userId, request.params.projectId, request.params.sprintId));
    },
  );

  api.get(
    '/projects/:projectId/velocity',
    {
      schema: {
        tags,
        summary: 'Committed and completed points of the last completed sprints (?last=6), and their average',
        params: projectBacklogParams,
        querystring: velocityQuery,
        response: { 200: velocitySchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => projectVelocity(tx, userId, request.params.projectId, request.query));
    },
  );
}
