import { recordAudit } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { enqueueJob, type JobRow } from '../../core/jobs/index.js';
import { truncate } from '../../core/text/index.js';
import { requireSourceDocument } from '../documents/index.js';
import type { UserActor } from '../organizations/index.js';
import { ideaOf, type ProjectRow } from '../projects/index.js';
import { MAX_WIREFRAME_SOURCE, type WireframeTaskInput } from './ai/generate-wireframe/index.js';
import type { GenerateWireframesBody } from './wireframes.contract.js';
import { defaultSourceDocument, requireWireframesAccess } from './wireframes.service.js';

export const GENERATE_WIREFRAMES_JOB = 'wireframes.generate';

/** POST /wireframes/generate (editors and up): checks the source document now, so a bad id is a 400, not a failed job. */
export async function enqueueWireframeGeneration(tx: Tx, actor: UserActor, projectId: string, body: GenerateWireframesBody): Promise<JobRow> {
  const project = await requireWireframesAccess(tx, actor.userId, projectId, 'write');
  if (body.from) await requireSourceDocument(tx, project.id, body.from, 'from');
  const job = await enqueueJob(tx, {
    organizationId: project.organizationId,
    projectId: project.id,
    createdBy: actor.userId,
    type: GENERATE_WIREFRAMES_JOB,
    payload: { ...(body.from ? { from: body.from } : {}), ...(body.screen ? { screen: body.screen } : {}), ...(body.templateType ? { templateType: body.templateType } : {}) },
  });
  await recordAudit(tx, actor, {
    action: 'wireframe_generation_requested',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { jobId: job.id, ...body },
  });
  return job;
}

/** The shared part of every screen's task input: the project and the document the screens come from. */
export async function wireframeContext(
  tx: Tx,
  userId: string,
  projectId: string,
  from: string | undefined,
): Promise<{ project: ProjectRow; base: Pick<WireframeTaskInput, 'projectName' | 'idea' | 'source'>; sourceDocumentId: string | null }> {
  const project = await requireWireframesAccess(tx, userId, projectId, 'write');
  const source = from ? await requireSourceDocument(tx, project.id, from, 'from') : await defaultSourceDocument(tx, project.id);
  return {
    project,
    base: {
      projectName: truncate(project.name.trim(), 255),
      idea: ideaOf(project),
      ...(source && source.contentMarkdown.trim() ? { source: { title: truncate(source.title, 255), markdown: source.contentMarkdown.slice(0, MAX_WIREFRAME_SOURCE) } } : {}),
    },
    sourceDocumentId: source?.id ?? null,
  };
}
