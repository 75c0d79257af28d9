import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { isUuid } from '../../../core/ids.js';
import { enqueueJob, type JobRow } from '../../../core/jobs/index.js';
import { truncate } from '../../../core/text/index.js';
import { documents } from '../../documents/index.js';
import type { UserActor } from '../../organizations/index.js';
import { invalidField, requireBacklogAccess } from '../backlog-access.js';
import type { GenerateStoriesBody } from '../backlog.contract.js';
import { MAX_STORY_SOURCE, type StoryGenerationInput, type StorySourceKind } from './story-generation/index.js';

export const GENERATE_STORIES_JOB = 'backlog.generate-stories';

const notADocument = () => invalidField('from', 'is not a document of this project');

/**
 * The document stories are drawn from, with its kind and the structured content of its current revision (the
 * revisions table is read by name: it is the documents module's, and only its documents table is shared); a 400
 * naming `from` otherwise.
 */
async function loadDocument(tx: Tx, projectId: string, documentId: string): Promise<{ id: string; title: string; type: string; contentMarkdown: string; content: unknown }> {
  if (!isUuid(documentId)) throw notADocument();
  const [row] = await tx
    .select({ id: documents.id, title: documents.title, type: documents.type, contentMarkdown: documents.contentMarkdown, currentRev: documents.currentRev })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId)));
  if (!row) throw notADocument();
  if (!row.contentMarkdown.trim()) throw invalidField('from', 'is an empty document');
  const result = await tx.execute(sql`SELECT content FROM app.document_revisions WHERE document_id = ${row.id} AND rev = ${row.currentRev}`);
  const revisions = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ content: unknown }>;
  return { id: row.id, title: row.title, type: row.type, contentMarkdown: row.contentMarkdown, content: revisions[0]?.content ?? null };
}

/** Queues a backlog.generate-stories job (editors and up); a named document must belong to the project and hold text. */
export async function enqueueStoryGeneration(tx: Tx, actor: UserActor, projectId: string, body: GenerateStoriesBody): Promise<JobRow> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  if (body.from !== 'model') await loadDocument(tx, project.id, body.from);
  const job = await enqueueJob(tx, {
    organizationId: project.organizationId,
    projectId: project.id,
    createdBy: actor.userId,
    type: GENERATE_STORIES_JOB,
    payload: { from: body.from, ...(body.instructions ? { instructions: body.instructions } : {}) },
  });
  await recordAudit(tx, actor, {
    action: 'story_generation_requested',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { jobId: job.id, from: body.from, ...(body.instructions ? { instructions: true } : {}) },
  });
  return job;
}

const KIND_OF: Partial<Record<string, StorySourceKind>> = { prd: 'prd', srs: 'srs', spec: 'srs' };

/**
 * What the stories are drawn from, before the project model is added (the job loads or builds it outside this
 * transaction): the document's Markdown and structured content, or nothing but the model.
 */
export async function loadStorySource(
  tx: Tx,
  userId: string,
  projectId: string,
  payload: { from: string; instructions?: string | undefined },
): Promise<{ documentId: string | null; label: string; input: Omit<StoryGenerationInput, 'model'> }> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'write');
  const base = { projectName: truncate(project.name, 255), ...(payload.instructions ? { instructions: payload.instructions } : {}) };
  if (payload.from === 'model') {
    return { documentId: null, label: 'the project model', input: { ...base, source: { kind: 'model', title: '', markdown: '' } } };
  }
  const document = await loadDocument(tx, project.id, payload.from);
  return {
    documentId: document.id,
    label: `“${document.title}”`,
    input: {
      ...base,
      source: {
        kind: KIND_OF[document.type] ?? 'document',
        title: truncate(document.title, 255),
        markdown: truncate(document.contentMarkdown, MAX_STORY_SOURCE),
        ...(document.content !== null && document.content !== undefined ? { content: document.content } : {}),
      },
    },
  };
}
