import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { projectRoleFirst } from '../projects/index.js';
import { createStoryBody, listStoriesQuery, projectBacklogParams, storyPageSchema, storyParams, storySchema, updateStoryBody } from './backlog.contract.js';
import { createStory, deleteStory, getStory, listStories, updateStory } from './stories.service.js';

const tags = ['backlog'];

/** /projects/{projectId}/stories and /stories/{storyId}. */
export async function registerStoryRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  // Who may not edit hears 401/404/403 before anything about the body is judged.
  const editorsFirst = projectRoleFirst(db, 'editor');
  const base = '/projects/:projectId/stories';
  const one = `${base}/:storyId`;

  api.post(
    base,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Create a story at the bottom of the backlog, keyed <PROJECT KEY>-<n> (editors and up)',
        params: projectBacklogParams,
        body: createStoryBody,
        response: { 201: storySchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const story = await withUser(db, actor.userId, (tx) => createStory(tx, actor, request.params.projectId, request.body));
      return reply.status(201).send(story);
    },
  );

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'Stories in backlog order (rank); filters status, sprintId (or "backlog"), epicId, assigneeId, priority, q',
        params: projectBacklogParams,
        querystring: listStoriesQuery,
        response: { 200: storyPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listStories(tx, userId, request.params.projectId, request.query));
    },
  );

  api.get(
    one,
    { schema: { tags, summary: 'A story', params: storyParams, response: { 200: storySchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, storyId } = request.params;
      return withUser(db, userId, (tx) => getStory(tx, userId, projectId, storyId));
    },
  );

  api.patch(
    one,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Edit a story (editors and up); 409 with the current story when baseRev or updatedAt is stale',
        params: storyParams,
        body: updateStoryBody,
        response: { 200: storySchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const { projectId, storyId } = request.params;
      return withUser(db, actor.userId, (tx) => updateStory(tx, actor, projectId, storyId, request.body));
    },
  );

  api.delete(
    one,
    {
      preValidation: editorsFirst,
      schema: { tags, summary: 'Delete a story (editors and up); its history stays', params: storyParams, response: { 204: z.null().describe('deleted') } },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const { projectId, storyId } = request.params;
      await withUser(db, actor.userId, (tx) => deleteStory(tx, actor, projectId, storyId));
      return reply.status(204).send(null);
    },
  );
}
