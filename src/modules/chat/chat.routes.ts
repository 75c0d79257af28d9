import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { sseStreams } from '../../core/http/sse.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { answerQuestion } from './answer-stream.js';
import {
  conversationPageSchema,
  conversationParams,
  conversationSchema,
  createConversationBody,
  listConversationsQuery,
  listMessagesQuery,
  messagePageSchema,
  projectConversationsParams,
  renameConversationBody,
  sendMessageBody,
} from './chat.contract.js';
import {
  createConversation,
  deleteConversation,
  getConversation,
  listConversations,
  renameConversation,
} from './conversations.service.js';
import { liveStreams } from './live-streams.js';
import { listMessages } from './messages.service.js';

const tags = ['chat'];

export async function chatRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const streams = sseStreams(api);
  const live = liveStreams();
  const { isLive } = live;
  const base = '/projects/:projectId/conversations';
  const one = `${base}/:conversationId`;

  api.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start a conversation (editors and up); untitled ones take their first question as title',
        params: projectConversationsParams,
        body: createConversationBody.nullish().describe('optional: {} or no body at all'),
        response: { 201: conversationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const conversation = await withUser(db, actor.userId, (tx) =>
        createConversation(tx, actor, request.params.projectId, request.body?.title),
      );
      return reply.status(201).send(conversation);
    },
  );

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'Conversations of the project, most recent activity first',
        params: projectConversationsParams,
        querystring: listConversationsQuery,
        response: { 200: conversationPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listConversations(tx, userId, request.params.projectId, request.query));
    },
  );

  api.get(
    one,
    { schema: { tags, summary: 'A conversation', params: conversationParams, response: { 200: conversationSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, conversationId } = request.params;
      return withUser(db, userId, (tx) => getConversation(tx, userId, projectId, conversationId));
    },
  );

  api.patch(
    one,
    {
      schema: {
        tags,
        summary: 'Rename a conversation (editors and up)',
        params: conversationParams,
        body: renameConversationBody,
        response: { 200: conversationSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const { projectId, conversationId } = request.params;
      return withUser(db, actor.userId, (tx) => renameConversation(tx, actor, projectId, conversationId, request.body.title));
    },
  );

  api.delete(
    one,
    {
      schema: {
        tags,
        summary: 'Delete a conversation and its messages (editors and up)',
        params: conversationParams,
        response: { 204: z.null().describe('deleted') },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const { projectId, conversationId } = request.params;
      await withUser(db, actor.userId, (tx) => deleteConversation(tx, actor, projectId, conversationId));
      return reply.status(204).send(null);
    },
  );

  api.get(
    `${one}/messages`,
    {
      schema: {
        tags,
        summary: 'Messages oldest first, keyset-paged both ways: the newest page, then before= (older) or after= (newer)',
        params: conversationParams,
        querystring: listMessagesQuery,
        response: { 200: messagePageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, conversationId } = request.params;
      return withUser(db, userId, (tx) => listMessages(tx, userId, projectId, conversationId, request.query, isLive));
    },
  );

  api.post(
    `${one}/messages`,
    {
      schema: {
        tags,
        summary:
          'Ask (editors and up, one chat credit): the question is stored, then the answer streams as Server-Sent Events — ' +
          'user, citations, delta {text}…, then done (the stored answer) or error followed by done (the answer marked interrupted)',
        params: conversationParams,
        body: sendMessageBody,
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const { projectId, conversationId } = request.params;
      await answerQuestion({ db, ai: context.ai, streams, live }, request, reply, actor, projectId, conversationId, request.body.content);
      return reply;
    },
  );
}
