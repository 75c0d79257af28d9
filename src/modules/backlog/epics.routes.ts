import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { projectRoleFirst } from '../projects/index.js';
import { createEpicBody, epicPageSchema, epicParams, epicSchema, listEpicsQuery, projectBacklogParams, updateEpicBody } from './backlog.contract.js';
import { createEpic, deleteEpic, getEpic, listEpics, updateEpic } from './epics.service.js';

const tags = ['backlog'];

/** /projects/{projectId}/epics and /epics/{epicId}. */
export async function registerEpicRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const editorsFirst = projectRoleFirst(db, 'editor');
  const base = '/projects/:projectId/epics';
  const one = `${base}/:epicId`;

  api.post(
    base,
    {
      preValidation: editorsFirst,
      schema: { tags, summary: 'Create an epic, keyed <PROJECT KEY>-E<n> (editors and up)', params: projectBacklogParams, body: createEpicBody, response: { 201: epicSchema } },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const epic = await withUser(db, actor.userId, (tx) => createEpic(tx, actor, request.params.projectId, request.body));
      return reply.status(201).send(epic);
    },
  );

  api.get(
    base,
    { schema: { tags, summary: 'Epics in rank order, each with its progress', params: projectBacklogParams, querystring: listEpicsQuery, response: { 200: epicPageSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listEpics(tx, userId, request.params.projectId, request.query));
    },
  );

  api.get(one, { schema: { tags, summary: 'An epic with its progress', params: epicParams, response: { 200: epicSchema } } }, async (request) => {
    const { userId } = requireAuth(request);
    return withUser(db, userId, (tx) => getEpic(tx, userId, request.params.projectId, request.params.epicId));
  });

  api.patch(
    one,
    { preValidation: editorsFirst, schema: { tags, summary: 'Edit an epic (editors and up)', params: epicParams, body: updateEpicBody, response: { 200: epicSchema } } },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => updateEpic(tx, actor, request.params.projectId, request.params.epicId, request.body));
    },
  );

  api.delete(
    one,
    {
      preValidation: editorsFirst,
      schema: { tags, summary: 'Delete an epic (editors and up); its stories stay, without an epic', params: epicParams, response: { 204: z.null().describe('deleted') } },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      await withUser(db, actor.userId, (tx) => deleteEpic(tx, actor, request.params.projectId, request.params.epicId));
      return reply.status(204).send(null);
    },
  );
}
