import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { documentSlug as slugify } from '../documents/index.js';
import { jobAcceptedSchema } from '../jobs/index.js';
import { projectRoleFirst } from '../projects/index.js';
import { enqueueWireframeGeneration } from './wireframe-generation.service.js';
import { wireframeDocument } from './wireframe-document.js';
import { WIREFRAME_CSP } from '../../shared/wireframe-csp.js';
import {
  createWireframeBody,
  generateWireframesBody,
  listWireframesQuery,
  projectWireframesParams,
  savedWireframeSchema,
  updateWireframeBody,
  wireframePageSchema,
  wireframeParams,
  wireframeSchema,
} from './wireframes.contract.js';
import { sanitizeOffThread } from './sanitize-off-thread.js';
import { createWireframe, deleteWireframe, getWireframe, listWireframes, updateWireframe } from './wireframes.service.js';

const tags = ['wireframes'];

export async function wireframesRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  // Who may not edit hears 401/404/403 before anything about the body is judged.
  const editorsFirst = projectRoleFirst(db, 'editor');
  const base = '/projects/:projectId/wireframes';
  const one = `${base}/:wireframeId`;

  api.post(
    base,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Create a wireframe (editors and up); the HTML and CSS are sanitized and the response lists what was removed',
        params: projectWireframesParams,
        body: createWireframeBody,
        response: { 201: savedWireframeSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const clean = await sanitizeOffThread(context.offload, request.body.htmlContent, request.body.cssContent);
      const saved = await withUser(db, actor.userId, (tx) => createWireframe(tx, actor, request.params.projectId, request.body, clean));
      return reply.status(201).send(saved);
    },
  );

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'Wireframes of the project newest first, optionally of one template type',
        params: projectWireframesParams,
        querystring: listWireframesQuery,
        response: { 200: wireframePageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listWireframes(tx, userId, request.params.projectId, request.query));
    },
  );

  api.post(
    `${base}/generate`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary:
          'Generate wireframes as a background job (editors and up): one screen when `screen` or `templateType` is given, ' +
          'otherwise a set for the main user stories; the job’s result lists the wireframeIds',
        params: projectWireframesParams,
        body: generateWireframesBody.nullish().describe('optional: {} or no body at all draws a set'),
        response: { 202: jobAcceptedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const job = await withUser(db, actor.userId, (tx) => enqueueWireframeGeneration(tx, actor, request.params.projectId, request.body ?? {}));
      return reply.status(202).send({ jobId: job.id });
    },
  );

  api.get(
    one,
    { schema: { tags, summary: 'A wireframe', params: wireframeParams, response: { 200: wireframeSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, wireframeId } = request.params;
      return withUser(db, userId, (tx) => getWireframe(tx, userId, projectId, wireframeId));
    },
  );

  api.patch(
    one,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Edit a wireframe (editors and up): sanitized like a create; 409 with the current wireframe when baseUpdatedAt is stale',
        params: wireframeParams,
        body: updateWireframeBody,
        response: { 200: savedWireframeSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const { projectId, wireframeId } = request.params;
      const { htmlContent, cssContent } = request.body;
      const clean = htmlContent !== undefined || cssContent !== undefined ? await sanitizeOffThread(context.offload, htmlContent ?? '', cssContent) : undefined;
      return withUser(db, actor.userId, (tx) => updateWireframe(tx, actor, projectId, wireframeId, request.body, clean));
    },
  );

  api.delete(
    one,
    { schema: { tags, summary: 'Delete a wireframe (editors and up)', params: wireframeParams, response: { 204: z.null().describe('deleted') } } },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const { projectId, wireframeId } = request.params;
      await withUser(db, actor.userId, (tx) => deleteWireframe(tx, actor, projectId, wireframeId));
      return reply.status(204).send(null);
    },
  );

  api.get(
    `${one}/download`,
    {
      schema: {
        tags,
        summary: 'The wireframe as one self-contained HTML file (inline CSS, a CSP that allows no request), <slug>.html',
        params: wireframeParams,
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const { projectId, wireframeId } = request.params;
      const wireframe = await withUser(db, userId, (tx) => getWireframe(tx, userId, projectId, wireframeId));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${slugify(wireframe.title, 'wireframe')}.html"`)
        .header('content-security-policy', `${WIREFRAME_CSP}; sandbox`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(wireframeDocument(wireframe));
    },
  );
}
