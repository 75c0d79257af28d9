import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { jobAcceptedSchema } from '../jobs/index.js';
import { answerClarificationsBody, clarificationParams, clarificationsSchema, generateBody, generateParams } from './generation.contract.js';
import { answerClarifications, enqueueGeneration, listClarifications } from './generation.service.js';

const tags = ['generation'];

export async function generationRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.post(
    '/projects/:projectId/documents/generate',
    {
      schema: {
        tags,
        summary:
          'Generate a document (srs, prd, overview, marketing, tech or tasks) as a background job (editors and up): a new ' +
          'document, or a new revision of the project’s document of that type in the current version; follow the job',
        params: generateParams,
        body: generateBody,
        response: { 202: jobAcceptedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const job = await withUser(db, actor.userId, (tx) => enqueueGeneration(tx, actor, request.params.projectId, request.body));
      return reply.status(202).send({ jobId: job.id });
    },
  );

  api.get(
    '/projects/:id/clarifications',
    {
      schema: {
        tags,
        summary: 'The idea pipeline: clarifying questions with their answers, its latest job and the documents it generated (members)',
        params: clarificationParams,
        response: { 200: clarificationsSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listClarifications(tx, userId, request.params.id));
    },
  );

  api.post(
    '/projects/:id/clarifications',
    {
      schema: {
        tags,
        summary:
          'Answer the clarifying questions, or skip them, and generate the overview, PRD, marketing, tech and tasks ' +
          'documents as project version 1 (editors and up); again after a failure to retry',
        params: clarificationParams,
        body: answerClarificationsBody,
        response: { 202: jobAcceptedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const job = await withUser(db, actor.userId, (tx) => answerClarifications(tx, actor, request.params.id, request.body));
      return reply.status(202).send({ jobId: job.id });
    },
  );
}
