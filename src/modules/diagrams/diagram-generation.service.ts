import { recordAudit } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { enqueueJob, type JobRow } from '../../core/jobs/index.js';
import { truncate } from '../../core/text/index.js';
import { latestDocumentOfTypes, requireSourceDocument } from '../documents/index.js';
import type { UserActor } from '../organizations/index.js';
import type { ProjectRow } from '../projects/index.js';
import { MAX_DIAGRAM_SOURCE, type GenerateDiagramInput } from './ai/generate-diagram/index.js';
import type { GenerateDiagramBody } from './diagrams.contract.js';
import { requireDiagramsAccess } from './diagrams.service.js';

export const GENERATE_DIAGRAM_JOB = 'diagrams.generate';

/** The documents a diagram is drawn from when the request names none, in order of preference. */
const DEFAULT_SOURCES = ['srs', 'prd', 'overview'] as const;

/** Queues a diagrams.generate job (editors and up). A named source document must belong to the project. */
export async function enqueueDiagramGeneration(tx: Tx, actor: UserActor, projectId: string, body: GenerateDiagramBody): Promise<JobRow> {
  const project = await requireDiagramsAccess(tx, actor.userId, projectId, 'write');
  if (body.from) {
    await requireSourceDocument(tx, project.id, body.from, 'from');
  }
  const job = await enqueueJob(tx, {
    organizationId: project.organizationId,
    projectId: project.id,
    createdBy: actor.userId,
    type: GENERATE_DIAGRAM_JOB,
    payload: {
      type: body.type,
      ...(body.from ? { from: body.from } : {}),
      ...(body.instructions ? { instructions: body.instructions } : {}),
      ...(body.focus ? { focus: body.focus } : {}),
    },
  });
  await recordAudit(tx, actor, {
    action: 'diagram_generation_requested',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { type: body.type, jobId: job.id, ...(body.from ? { from: body.from } : {}), ...(body.instructions ? { instructions: true } : {}), ...(body.focus ? { focus: body.focus } : {}) },
  });
  return job;
}

/** What a diagram is drawn from, before the project model is added (the job loads or builds it outside this transaction). */
export type DiagramSourceInfo = {
  documentId: string | null;
  label: string;
  project: ProjectRow;
  input: Omit<GenerateDiagramInput, 'model'>;
};

/**
 * The document a diagram's prompt carries beside the project model: the named document, else the project's latest
 * SRS, else its PRD or overview, else the project description (or name). Runs in the caller's short transaction,
 * before any model call.
 */
export async function loadDiagramSource(
  tx: Tx,
  userId: string,
  projectId: string,
  request: { type: GenerateDiagramInput['type']; from?: string | undefined; instructions?: string | undefined; focus?: string | undefined },
): Promise<DiagramSourceInfo> {
  const project = await requireDiagramsAccess(tx, userId, projectId, 'write');
  const document = request.from
    ? await requireSourceDocument(tx, project.id, request.from, 'from')
    : (await latestDocumentOfTypes(tx, project.id, DEFAULT_SOURCES))[0];
  const description = (project.description?.trim() || project.ideaPrompt?.trim() || '').slice(0, 20_000);
  const input: Omit<GenerateDiagramInput, 'model'> = {
    type: request.type,
    projectName: truncate(project.name, 255),
    sourceText: document ? truncate(document.contentMarkdown, MAX_DIAGRAM_SOURCE) : description || project.name,
    ...(description ? { description } : {}),
    ...(document ? { sourceTitle: truncate(document.title, 255) } : {}),
    ...(request.instructions ? { instructions: request.instructions } : {}),
    ...(request.focus ? { focus: request.focus } : {}),
    startDate: new Date().toISOString().slice(0, 10),
  };
  return { documentId: document?.id ?? null, label: document ? `“${document.title}”` : 'the project description', project, input };
}
