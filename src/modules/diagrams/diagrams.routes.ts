import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { AppError } from '../../core/errors.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { jobAcceptedSchema } from '../jobs/index.js';
import { projectRoleFirst } from '../projects/index.js';
import {
  createDiagramBody,
  diagramPageSchema,
  diagramParams,
  diagramRevisionPageSchema,
  diagramRevisionParams,
  diagramRevisionSchema,
  diagramSchema,
  generateDiagramBody,
  listDiagramRevisionsQuery,
  listDiagramsQuery,
  projectDiagramsParams,
  restoreDiagramBody,
  updateDiagramBody,
} from './diagrams.contract.js';
import {
  createDiagram,
  deleteDiagram,
  getDiagram,
  getDiagramRevision,
  invalidDiagram,
  listDiagramRevisions,
  listDiagrams,
  mmdFileName,
  restoreDiagramRevision,
  updateDiagram,
} from './diagrams.service.js';
import { enqueueDiagramGeneration } from './diagram-generation.service.js';
import { validateDiagram } from './diagram-kind-check.js';
import type { DiagramType } from './diagrams.schema.js';
import { closeMermaidValidator } from './mermaid-validator.js';

const tags = ['diagrams'];

/**
 * Mermaid's parser runs before the transaction: nothing is written when the code does not parse, or parses as
 * another kind of diagram than `type`.
 */
async function requireValidMermaid(type: DiagramType, code: string): Promise<void> {
  let validation: Awaited<ReturnType<typeof validateDiagram>>;
  try {
    validation = await validateDiagram(type, code);
  } catch (error) {
    // The parser crashed or took too long: nothing is saved, and the worker starts afresh on the next request.
    throw new AppError('SERVICE_UNAVAILABLE', `The Mermaid code could not be checked: ${error instanceof Error ? error.message : String(error)}; try again`);
  }
  if (!validation.ok) throw invalidDiagram(validation);
}

export async function diagramsRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  // Who may not edit hears 401/404/403 before anything about the body is judged.
  const editorsFirst = projectRoleFirst(db, 'editor');
  const base = '/projects/:projectId/diagrams';
  const one = `${base}/:diagramId`;

  // The parser's worker thread ends with the server.
  api.addHook('onClose', async () => {
    await closeMermaidValidator();
  });

  api.post(
    base,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Create a diagram and its revision 1 (editors and up); Mermaid code that does not parse, or is another kind of diagram, answers 422 with the line',
        params: projectDiagramsParams,
        body: createDiagramBody,
        response: { 201: diagramSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      await requireValidMermaid(request.body.type, request.body.mermaidCode);
      const diagram = await withUser(db, actor.userId, (tx) => createDiagram(tx, actor, request.params.projectId, request.body));
      return reply.status(201).send(diagram);
    },
  );

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'Diagrams of the project newest first, optionally of one type',
        params: projectDiagramsParams,
        querystring: listDiagramsQuery,
        response: { 200: diagramPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listDiagrams(tx, userId, request.params.projectId, request.query));
    },
  );

  api.post(
    `${base}/generate`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary:
          'Generate a diagram as a background job (editors and up) from a document (default: the latest SRS, else PRD or overview, else the project description); the job’s result names the diagramId',
        params: projectDiagramsParams,
        body: generateDiagramBody,
        response: { 202: jobAcceptedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const job = await withUser(db, actor.userId, (tx) => enqueueDiagramGeneration(tx, actor, request.params.projectId, request.body));
      return reply.status(202).send({ jobId: job.id });
    },
  );

  api.get(
    `${base}/:diagramId.mmd`,
    { schema: { tags, summary: 'The Mermaid code as a file download, <title>.mmd', params: diagramParams } },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const diagram = await withUser(db, userId, (tx) => getDiagram(tx, userId, request.params.projectId, request.params.diagramId));
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${mmdFileName(diagram.title)}"`)
        .header('cache-control', 'private, no-store')
        .send(diagram.mermaidCode.endsWith('\n') ? diagram.mermaidCode : `${diagram.mermaidCode}\n`);
    },
  );

  api.get(
    one,
    { schema: { tags, summary: 'A diagram with its latest Mermaid code', params: diagramParams, response: { 200: diagramSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getDiagram(tx, userId, request.params.projectId, request.params.diagramId));
    },
  );

  api.patch(
    one,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Edit (editors and up): a new revision; 422 when the code does not parse or is another kind of diagram; 409 with the current diagram when baseRev is stale',
        params: diagramParams,
        body: updateDiagramBody,
        response: { 200: diagramSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const { projectId, diagramId } = request.params;
      const { mermaidCode } = request.body;
      if (mermaidCode !== undefined) {
        // A diagram keeps its type: new code is checked against it.
        const current = await withUser(db, actor.userId, (tx) => getDiagram(tx, actor.userId, projectId, diagramId));
        await requireValidMermaid(current.type, mermaidCode);
      }
      return withUser(db, actor.userId, (tx) => updateDiagram(tx, actor, projectId, diagramId, request.body));
    },
  );

  api.delete(
    one,
    { schema: { tags, summary: 'Delete a diagram and its history (editors and up)', params: diagramParams } },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const { projectId, diagramId } = request.params;
      await withUser(db, actor.userId, (tx) => deleteDiagram(tx, actor, projectId, diagramId));
      return reply.status(204).send();
    },
  );

  api.get(
    `${one}/revisions`,
    {
      schema: {
        tags,
        summary: 'Revision history newest first',
        params: diagramParams,
        querystring: listDiagramRevisionsQuery,
        response: { 200: diagramRevisionPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, diagramId } = request.params;
      return withUser(db, userId, (tx) => listDiagramRevisions(tx, userId, projectId, diagramId, request.query));
    },
  );

  api.get(
    `${one}/revisions/:rev`,
    { schema: { tags, summary: 'One revision with its code', params: diagramRevisionParams, response: { 200: diagramRevisionSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      const { projectId, diagramId, rev } = request.params;
      return withUser(db, userId, (tx) => getDiagramRevision(tx, userId, projectId, diagramId, rev));
    },
  );

  api.post(
    `${one}/restore`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Restore an old revision as a new revision (editors and up)',
        params: diagramParams,
        body: restoreDiagramBody,
        response: { 200: diagramSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const { projectId, diagramId } = request.params;
      return withUser(db, actor.userId, (tx) => restoreDiagramRevision(tx, actor, projectId, diagramId, request.body));
    },
  );
}
