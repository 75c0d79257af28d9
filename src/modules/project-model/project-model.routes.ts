import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { jobAcceptedSchema } from '../jobs/index.js';
import { projectRoleFirst } from '../projects/index.js';
import { enqueueModelRebuild } from './model-build.service.js';
import {
  correctModel,
  diffModelRevisions,
  getModel,
  getModelRevision,
  listModelRevisions,
  replaceModel,
  restoreModelRevision,
} from './model.service.js';
import {
  correctModelBody,
  listModelRevisionsQuery,
  modelDiffQuery,
  modelDiffSchema,
  modelRevisionPageSchema,
  modelRevisionSchema,
  projectModelParams,
  projectModelRevisionParams,
  rebuildModelBody,
  replaceModelBody,
  restoreModelBody,
  savedProjectModelSchema,
  storedProjectModelSchema,
} from './project-model.contract.js';

const tags = ['project model'];

export async function projectModelRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  // Who may not edit hears 401/404/403 before anything about the body is judged.
  const editorsFirst = projectRoleFirst(db, 'editor');
  const base = '/projects/:projectId/model';

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'The project model (actors, entities, use cases, rules, metrics, constraints) with its revision; 404 before one was built',
        params: projectModelParams,
        response: { 200: storedProjectModelSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getModel(tx, userId, request.params.projectId));
    },
  );

  api.put(
    base,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Replace the whole model as a new revision (editors and up); 422 naming the path of a reference to a missing id; 409 with the current model when baseRev is stale',
        params: projectModelParams,
        body: replaceModelBody,
        response: { 200: savedProjectModelSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => replaceModel(tx, actor, request.params.projectId, request.body));
    },
  );

  api.post(
    `${base}/corrections`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Apply one correction (rename or merge entities, fix an actor, confirm a rule, answer a question …) as a new revision with a note (editors and up); 409 with the current model when baseRev is stale',
        params: projectModelParams,
        body: correctModelBody,
        response: { 200: savedProjectModelSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => correctModel(tx, actor, request.params.projectId, request.body));
    },
  );

  api.get(
    `${base}/revisions`,
    {
      schema: {
        tags,
        summary: 'The model’s revisions newest first, each with its note',
        params: projectModelParams,
        querystring: listModelRevisionsQuery,
        response: { 200: modelRevisionPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listModelRevisions(tx, userId, request.params.projectId, request.query));
    },
  );

  api.get(
    `${base}/revisions/:rev`,
    { schema: { tags, summary: 'One revision with its model', params: projectModelRevisionParams, response: { 200: modelRevisionSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getModelRevision(tx, userId, request.params.projectId, request.params.rev));
    },
  );

  api.post(
    `${base}/revisions/:rev/restore`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Restore an old revision as the newest revision (editors and up)',
        params: projectModelRevisionParams,
        body: restoreModelBody,
        response: { 200: savedProjectModelSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => restoreModelRevision(tx, actor, request.params.projectId, request.params.rev, request.body ?? {}));
    },
  );

  api.get(
    `${base}/diff`,
    {
      schema: {
        tags,
        summary: 'What changed between two revisions, as a unified diff of the model rendered as Markdown (default: the latest against the one before)',
        params: projectModelParams,
        querystring: modelDiffQuery,
        response: { 200: modelDiffSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => diffModelRevisions(tx, userId, request.params.projectId, request.query));
    },
  );

  api.post(
    `${base}/rebuild`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Rebuild the model from the idea, the answers and the documents as a background job (editors and up); corrections people made are kept',
        params: projectModelParams,
        body: rebuildModelBody,
        response: { 202: jobAcceptedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const job = await withUser(db, actor.userId, (tx) => enqueueModelRebuild(tx, actor, request.params.projectId, request.body ?? {}));
      return reply.status(202).send({ jobId: job.id });
    },
  );
}
