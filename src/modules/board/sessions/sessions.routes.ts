import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import {
  answersBody,
  createSessionBody,
  killAllBody,
  killAllResultSchema,
  killBody,
  listSessionsQuery,
  panelBody,
  saveDecisionResultSchema,
  sessionDetailSchema,
  sessionPageSchema,
  sessionParams,
} from '../board.contract.js';
import { decisionMarkdown, saveDecision } from './decision.service.js';
import { answerClarifications, killAllSessions, killSession, pauseSession, replacePanel, resumeSession } from './session-control.service.js';
import { createSession, getSession, listSessions } from './sessions.service.js';

const tags = ['board'];

/** /board/sessions: ask, list, read, pause, resume, kill (one or all), answer, swap the panel, the decision record. */
export async function registerSessionRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const base = '/board/sessions';
  const one = `${base}/:id`;

  api.post(
    base,
    {
      schema: {
        tags,
        summary: 'Ask the board: a session that decomposes the problem, seats a panel, deliberates in rounds, votes and writes a decision record',
        description:
          'Runs as a background job. Caps, rounds and the vote rule default to the organization’s board settings. ' +
          'With personaCodes the panel is yours; otherwise the board chooses 3–5 personas covering the sub-questions.',
        body: createSessionBody,
        response: { 201: sessionDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const session = await withUser(db, actor.userId, (tx) => createSession(tx, context, actor, request.body));
      return reply.status(201).send(session);
    },
  );

  api.get(
    base,
    { schema: { tags, summary: 'Board sessions you can see, newest first', querystring: listSessionsQuery, response: { 200: sessionPageSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listSessions(tx, userId, request.query));
    },
  );

  api.post(
    `${base}/kill-all`,
    {
      schema: {
        tags,
        summary: 'Stop every active or paused session of the organization (admins); killed_by is "admin"',
        body: killAllBody,
        response: { 200: killAllResultSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => killAllSessions(tx, actor, request.body));
    },
  );

  api.get(
    one,
    { schema: { tags, summary: 'A session with its panel, contributions (oldest first), votes and decision', params: sessionParams, response: { 200: sessionDetailSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getSession(tx, request.params.id));
    },
  );

  api.post(
    `${one}/pause`,
    { schema: { tags, summary: 'Pause an active session (its owner or an organization admin)', params: sessionParams, response: { 200: sessionDetailSchema } } },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => pauseSession(tx, actor, request.params.id));
    },
  );

  api.post(
    `${one}/resume`,
    {
      schema: {
        tags,
        summary: 'Resume a paused session from its last checkpoint (its owner or an organization admin)',
        description: 'A session waiting for answers to its clarifying questions resumes through POST …/answers instead (409 here).',
        params: sessionParams,
        response: { 200: sessionDetailSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => resumeSession(tx, actor, request.params.id));
    },
  );

  api.post(
    `${one}/kill`,
    {
      schema: {
        tags,
        summary: 'Stop a session for good (its owner or an organization admin), keeping who stopped it and why',
        params: sessionParams,
        body: killBody.nullish(),
        response: { 200: sessionDetailSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => killSession(tx, actor, request.params.id, request.body ?? {}));
    },
  );

  api.post(
    `${one}/answers`,
    {
      schema: {
        tags,
        summary: 'Answer the clarifying questions ({answers: [{id, answer}]}; questions left out count as skipped) or skip them all ({skip: true})',
        params: sessionParams,
        body: answersBody,
        response: { 200: sessionDetailSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => answerClarifications(tx, actor, request.params.id, request.body));
    },
  );

  api.put(
    `${one}/panel`,
    {
      schema: {
        tags,
        summary: 'Seat other personas, while the session is paused and before round 2 starts',
        params: sessionParams,
        body: panelBody,
        response: { 200: sessionDetailSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => replacePanel(tx, context, actor, request.params.id, request.body));
    },
  );

  api.get(
    `${one}/decision.md`,
    {
      schema: {
        tags,
        summary: 'The decision record as a Markdown file (409 until the session has decided)',
        description: 'text/markdown: problem, context, panel and why, sub-questions, options, where each persona ended, moderator interventions, the tally, recommendation, minority report, assumptions, baselines, what the deliberation changed, cost and why the rounds stopped.',
        params: sessionParams,
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const file = await withUser(db, userId, (tx) => decisionMarkdown(tx, request.params.id));
      return reply
        .header('content-type', 'text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.markdown);
    },
  );

  api.post(
    `${one}/save`,
    {
      schema: {
        tags,
        summary: 'Save the decision record as a document of the session’s project (editors); saving again adds a revision',
        params: sessionParams,
        response: { 200: saveDecisionResultSchema, 201: saveDecisionResultSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const saved = await withUser(db, actor.userId, (tx) => saveDecision(tx, actor, request.params.id));
      return reply.status(saved.created ? 201 : 200).send(saved.result);
    },
  );
}
