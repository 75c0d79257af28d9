import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { enqueueJob, type JobRow } from '../../../core/jobs/index.js';
import { truncate } from '../../../core/text/index.js';
import { documents } from '../../documents/index.js';
import type { UserActor } from '../../organizations/index.js';
import { requireProjectAccess, type ProjectRow } from '../../projects/index.js';
import type { GenerateStoriesBody } from '../backlog.contract.js';
import { MAX_STORY_SOURCE, type StoryGenerationInput, type StorySourceKind } from './story-generation/index.js';

export const GENERATE_STORIES_JOB = 'backlog.generate-stories';

const DELETED = 'The project is deleted; restore it to change its backlog';

export function requireBacklogWriter(tx: Tx, userId: string, projectId: string): Promise<{ project: ProjectRow }> {
  return requireProjectAccess(tx, userId, projectId, 'write', DELETED);
}

function notADocument(): AppError {
  return new AppError('VALIDATION_FAILED', 'Invalid body: from: is not a document of this project', {
    details: [{ field: 'from', message: 'is not a document of this project', in: 'body' }],
  });
}

/** The document stories are drawn from, with its kind and structured content; a 400 naming `from` otherwise. */
async function loadDocument(tx: Tx, projectId: string, documentId: string) {
  if (!isUuid(documentId)) throw notADocument();
  const [row] = await tx
    .select({ id: documents.id, title: documents.title, type: documents.type, contentMarkdown: documents.contentMarkdown, content: documents.content })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId)));
  if (!row) throw notADocument();
  if (!row.contentMarkdown.trim()) {
    throw new AppError('VALIDATION_FAILED', 'Invalid body: from: the document is empty', { details: [{ field: 'from', message: 'the document is empty', in: 'body' }] });
  }
  return row;
}

/** Queues a backlog.generate-stories job (editors and up); a named document must belong to the project and hold text. */
export async function enqueueStoryGeneration(tx: Tx, actor: UserActor, projectId: string, body: GenerateStoriesBody): Promise<JobRow> {
  const { project } = await requireBacklogWriter(tx, actor.userId, projectId);
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
  const { project } = await requireBacklogWriter(tx, userId, projectId);
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
