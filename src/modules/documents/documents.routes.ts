import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { projectRoleFirst } from '../projects/index.js';
import {
  createDocumentBody,
  createProjectVersionBody,
  diffQuery,
  diffSchema,
  documentAtRevisionSchema,
  documentPageSchema,
  documentParams,
  documentSchema,
  exportQuery,
  getDocumentQuery,
  listDocumentsQuery,
  listProjectVersionsQuery,
  listRevisionsQuery,
  projectDocumentsParams,
  projectVersionPageSchema,
  projectVersionSchema,
  restoreDocumentBody,
  revisionPageSchema,
  updateDocumentBody,
} from './documents.contract.js';
import {
  archiveDocument,
  createDocument,
  listDocuments,
  publishDocument,
  setDocumentLock,
  updateDocument,
} from './documents.service.js';
import { createProjectVersion, listProjectVersions } from './project-versions.service.js';
import { diffRevisions, exportDocument, getDocument, listRevisions, restoreRevision } from './revisions.service.js';

const tags = ['documents'];

export async function documentsRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  // Who may not edit hears 401/404/403 before anything about the body is judged.
  const editorsFirst = projectRoleFirst(db, 'editor');
  const base = '/projects/:projectId/documents';
  const one = `${base}/:documentId`;

  api.post(
    base,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Create a document and its revision 1 (editors and up)',
        params: projectDocumentsParams,
        body: createDocumentBody,
        response: { 201: documentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const { contentMarkdown, ...rest } = request.body;
      const document = await withUser(db, actor.userId, (tx) =>
        createDocument(tx, actor, request.params.projectId, { ...rest, contentMarkdown: contentMarkdown ?? '' }),
      );
      return reply.status(201).send(document);
    },
  );

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'Documents of the project newest first, each with an excerpt instead of its text',
        params: projectDocumentsParams,
        querystring: listDocumentsQuery,
        response: { 200: documentPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listDocuments(tx, userId, request.params.projectId, request.query));
    },
  );

  api.get(
    one,
    {
      schema: {
        tags,
        summary: 'A document as of its latest revision, or of ?rev=N',
        params: documentParams,
        querystring: getDocumentQuery,
        response: { 200: documentAtRevisionSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, documentId } = request.params;
      return withUser(db, userId, (tx) => getDocument(tx, userId, projectId, documentId, request.query.rev));
    },
  );

  api.patch(
    one,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary:
          'Edit (editors and up): a new revision when the title or text changes; 409 with the current document when baseRev is stale; 423 when locked',
        params: documentParams,
        body: updateDocumentBody,
        response: { 200: documentSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const { projectId, documentId } = request.params;
      return withUser(db, actor.userId, (tx) => updateDocument(tx, actor, projectId, documentId, request.body));
    },
  );

  const statusRoutes = [
    ['publish', 'Publish (editors and up): status published, published_at set; no new revision', publishDocument],
    ['archive', 'Archive (editors and up); no new revision', archiveDocument],
  ] as const;
  for (const [action, summary, change] of statusRoutes) {
    api.post(
      `${one}/${action}`,
      { schema: { tags, summary, params: documentParams, response: { 200: documentSchema } } },
      async (request) => {
        const actor = requireUserActor(request);
        const { projectId, documentId } = request.params;
        return withUser(db, actor.userId, (tx) => change(tx, actor, projectId, documentId));
      },
    );
  }

  for (const [action, locked] of [['lock', true], ['unlock', false]] as const) {
    api.post(
      `${one}/${action}`,
      {
        schema: {
          tags,
          summary: `${locked ? 'Lock (read-only: edits answer 423)' : 'Unlock'}: admins and owners, or the document’s creator`,
          params: documentParams,
          response: { 200: documentSchema },
        },
      },
      async (request) => {
        const actor = requireUserActor(request);
        const { projectId, documentId } = request.params;
        return withUser(db, actor.userId, (tx) => setDocumentLock(tx, actor, projectId, documentId, locked));
      },
    );
  }

  api.get(
    `${one}/revisions`,
    {
      schema: {
        tags,
        summary: 'Revision history newest first (without content)',
        params: documentParams,
        querystring: listRevisionsQuery,
        response: { 200: revisionPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, documentId } = request.params;
      return withUser(db, userId, (tx) => listRevisions(tx, userId, projectId, documentId, request.query));
    },
  );

  api.get(
    `${one}/diff`,
    {
      schema: {
        tags,
        summary: 'Unified diff of the Markdown between two revisions (default: the latest against the one before)',
        params: documentParams,
        querystring: diffQuery,
        response: { 200: diffSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, documentId } = request.params;
      return withUser(db, userId, (tx) => diffRevisions(tx, userId, projectId, documentId, request.query));
    },
  );

  api.post(
    `${one}/restore`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Restore an old revision as a new revision (editors and up)',
        params: documentParams,
        body: restoreDocumentBody,
        response: { 200: documentSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const { projectId, documentId } = request.params;
      return withUser(db, actor.userId, (tx) => restoreRevision(tx, actor, projectId, documentId, request.body));
    },
  );

  api.get(
    `${one}/export`,
    {
      schema: {
        tags,
        summary: 'The Markdown as a file download, <slug>.md',
        params: documentParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const { projectId, documentId } = request.params;
      const file = await withUser(db, userId, (tx) => exportDocument(tx, userId, projectId, documentId, request.query.rev));
      return reply
        .header('content-type', 'text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.markdown);
    },
  );

  api.get(
    '/projects/:projectId/versions',
    {
      schema: {
        tags,
        summary: 'Project versions newest first',
        params: projectDocumentsParams,
        querystring: listProjectVersionsQuery,
        response: { 200: projectVersionPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listProjectVersions(tx, userId, request.params.projectId, request.query));
    },
  );

  api.post(
    '/projects/:projectId/versions',
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Start a new project version (editors and up); the project’s current version becomes it',
        params: projectDocumentsParams,
        body: createProjectVersionBody.nullish().describe('optional: {} or no body at all'),
        response: { 201: projectVersionSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const version = await withUser(db, actor.userId, (tx) =>
        createProjectVersion(tx, actor, request.params.projectId, request.body?.changeNote ?? null),
      );
      return reply.status(201).send(version);
    },
  );
}
