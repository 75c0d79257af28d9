import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { projectRoleFirst } from '../projects/index.js';
import { listStoryActivity } from './activity.service.js';
import {
  bulkEditBody,
  bulkEditResultSchema,
  createRelationBody,
  listActivityQuery,
  moveStoryBody,
  projectBacklogParams,
  storyActivityPageSchema,
  storyParams,
  storyRelationListSchema,
  storyRelationParams,
  storyRelationSchema,
  storySchema,
} from './backlog.contract.js';
import { bulkEditStories } from './bulk.service.js';
import { moveStory } from './move.service.js';
import { addRelation, listRelations, removeRelation } from './relations.service.js';

const tags = ['backlog'];

/** What is done to stories beyond editing one: move, bulk edit, relations, history. */
export async function registerStoryActionRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const editorsFirst = projectRoleFirst(db, 'editor');
  const one = '/projects/:projectId/stories/:storyId';

  api.post(
    '/projects/:projectId/stories/bulk',
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Edit or delete several stories in one transaction (editors and up); all or nothing, a 404 names an id that is not a story of the project',
        params: projectBacklogParams,
        body: bulkEditBody,
        response: { 200: bulkEditResultSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => bulkEditStories(tx, actor, request.params.projectId, request.body));
    },
  );

  api.post(
    `${one}/move`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Move a story: its place between afterId and beforeId, its board column (status) and/or its sprint (editors and up)',
        params: storyParams,
        body: moveStoryBody,
        response: { 200: storySchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => moveStory(tx, actor, request.params.projectId, request.params.storyId, request.body));
    },
  );

  api.get(
    `${one}/activity`,
    {
      schema: {
        tags,
        summary: 'The story’s history newest first: who changed which field when, from what to what',
        params: storyParams,
        querystring: listActivityQuery,
        response: { 200: storyActivityPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listStoryActivity(tx, userId, request.params.projectId, request.params.storyId, request.query));
    },
  );

  api.get(
    `${one}/relations`,
    { schema: { tags, summary: 'The story’s relations, outward and inward', params: storyParams, response: { 200: storyRelationListSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listRelations(tx, userId, request.params.projectId, request.params.storyId));
    },
  );

  api.post(
    `${one}/relations`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Relate the story to another of the project: blocks, relates_to or duplicates (editors and up)',
        params: storyParams,
        body: createRelationBody,
        response: { 201: storyRelationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const relation = await withUser(db, actor.userId, (tx) => addRelation(tx, actor, request.params.projectId, request.params.storyId, request.body));
      return reply.status(201).send(relation);
    },
  );

  api.delete(
    `${one}/relations/:kind/:relatedStoryId`,
    {
      preValidation: editorsFirst,
      schema: { tags, summary: 'Remove a relation, whichever way it was recorded (editors and up)', params: storyRelationParams, response: { 204: z.null().describe('removed') } },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const { projectId, storyId, kind, relatedStoryId } = request.params;
      await withUser(db, actor.userId, (tx) => removeRelation(tx, actor, projectId, storyId, kind, relatedStoryId));
      return reply.status(204).send(null);
    },
  );
}
