import { sql } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { enqueueJob, type JobRow } from '../../core/jobs/index.js';
import { joinList, truncate } from '../../core/text/index.js';
import { splitMarkdownSections } from '../../shared/markdown-sections.js';
import { documentTypes, latestDocumentOfTypes } from '../documents/index.js';
import { ideaOf } from '../projects/index.js';
import { MAX_MODEL_SOURCE_TEXT, projectModelInput, type ProjectModelInput } from './ai/project-model/schema.js';
import { loadProjectModel } from './model-store.js';
import { requireModelProject } from './model.service.js';
import type { RebuildModelBody } from './project-model.contract.js';

export const BUILD_MODEL_JOB = 'project-model.build';

/** POST /projects/{id}/model/rebuild: queues a project-model.build job (editors and up). */
export async function enqueueModelRebuild(tx: Tx, actor: UserActor, projectId: string, body: RebuildModelBody): Promise<JobRow> {
  const project = await requireModelProject(tx, actor.userId, projectId, 'write');
  const job = await enqueueJob(tx, {
    organizationId: project.organizationId,
    projectId: project.id,
    createdBy: actor.userId,
    type: BUILD_MODEL_JOB,
    payload: body.instructions ? { instructions: body.instructions } : {},
  });
  await recordAudit(tx, actor, {
    action: 'project_model_rebuild_requested',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { jobId: job.id, ...(body.instructions ? { instructions: true } : {}) },
  });
  return job;
}

/**
 * The answered clarifying questions, in order. They are the generation module's, which draws on the model: reading
 * them through its index would make the two modules import each other, so the table is read here by name.
 */
async function answeredQuestions(tx: Tx, projectId: string): Promise<Array<{ question: string; answer: string }>> {
  const result = await tx.execute(sql`
    SELECT question, answer FROM app.project_clarifications
    WHERE project_id = ${projectId} AND answer IS NOT NULL AND btrim(answer) <> '' AND NOT skipped
    ORDER BY position`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ question: string; answer: string }>;
  return rows.slice(0, 10).map((row) => ({ question: truncate(row.question.trim(), 2000) || 'Question', answer: truncate(row.answer.trim(), 10_000) }));
}

const MAX_SECTION_TEXT = 8000;
const MAX_DOCUMENTS = 8;
const MAX_SECTIONS = 40;

export type ModelSources = { input: ProjectModelInput; label: string; previousRev: number };

/**
 * What the model is built from, read in the caller's short transaction before any model call: the idea, the
 * answered clarifying questions, the sections of the latest document of each type (within a budget), the author's
 * instructions, and the current model, whose corrections a rebuild keeps.
 */
export async function loadModelSources(tx: Tx, userId: string, projectId: string, instructions: string | undefined): Promise<ModelSources> {
  const project = await requireModelProject(tx, userId, projectId, 'write');
  const answers = await answeredQuestions(tx, project.id);
  const documents = (await latestDocumentOfTypes(tx, project.id, documentTypes)).slice(0, MAX_DOCUMENTS);
  let budget = MAX_MODEL_SOURCE_TEXT;
  const sources: NonNullable<ProjectModelInput['sources']> = [];
  for (const doc of documents) {
    const sections = [];
    for (const section of splitMarkdownSections(doc.contentMarkdown)) {
      if (sections.length >= MAX_SECTIONS || budget <= 0) break;
      const text = truncate(section.bodyMd.trim(), Math.min(MAX_SECTION_TEXT, budget));
      if (!text && !section.heading?.trim()) continue;
      budget -= text.length;
      sections.push({ id: `${doc.id}#${section.blockId}`.slice(0, 300), heading: truncate(section.heading ?? '', 500), text });
    }
    if (sections.length) sources.push({ documentId: doc.id, type: doc.type, title: truncate(doc.title, 255), sections });
  }
  const previous = await loadProjectModel(tx, project.id);
  const input = projectModelInput.parse({
    projectName: truncate(project.name, 255),
    idea: ideaOf(project),
    ...(answers.length ? { answers } : {}),
    ...(sources.length ? { sources } : {}),
    ...(instructions ? { instructions } : {}),
    ...(previous ? { previous: previous.model } : {}),
  });
  const parts = [
    'the idea',
    answers.length ? `${answers.length} answer${answers.length === 1 ? '' : 's'}` : '',
    sources.length ? `${sources.length} document${sources.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return { input, label: joinList(parts), previousRev: previous?.rev ?? 0 };
}
