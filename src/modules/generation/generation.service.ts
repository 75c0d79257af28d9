import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { projects } from '../../core/db/platform.schema.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { enqueueJob, jobs, type JobRow } from '../../core/jobs/index.js';
import { appendRevision, createDocument, createProjectVersion, documents, latestDocumentOfTypes, type Document, type DocumentType } from '../documents/index.js';
import type { UserActor } from '../organizations/index.js';
import { loadProjectModel } from '../project-model/index.js';
import { enqueueIdeaPipeline, extractKeyTerms, ideaOf, IDEA_PIPELINE_JOB, requireProjectAccess, requireProjectRole, type ProjectRow } from '../projects/index.js';
import { indexedSections, searchProject, splitMarkdownSections } from '../search/index.js';
import { truncate } from '../../core/text/index.js';
import { documentTaskInput, type DocumentTaskInput } from './ai/document-writer/index.js';
import { documentKinds, pipelineTypes, type DocumentKind, type GeneratableType } from './document-kinds.js';
import type { AnswerClarificationsBody, Clarification, Clarifications, GenerateBody, PipelineStage } from './generation.contract.js';
import { projectClarifications } from './generation.schema.js';

export const GENERATE_JOB = 'documents.generate';

/** How much of the project's existing documents goes to the model with a request, and in how many sections. */
export const CONTEXT_BUDGET_CHARS = 24_000;
export const CONTEXT_MAX_SECTIONS = 24;
const MAX_SECTION_CHARS = 6000;

/** The caller's project for writing: 404 for other tenants, 403 below editor, 409 when deleted. */
export async function requireWritableProject(tx: Tx, userId: string, projectId: string): Promise<ProjectRow> {
  const { project } = await requireProjectAccess(tx, userId, projectId, 'write', 'The project is deleted; restore it before generating documents');
  return project;
}

// ---------------------------------------------------------------------------------------------------------------
// Generate one document (POST /projects/{projectId}/documents/generate)

/** Queues a documents.generate job (editors and up) and records the request. */
export async function enqueueGeneration(tx: Tx, actor: UserActor, projectId: string, body: GenerateBody): Promise<JobRow> {
  const project = await requireWritableProject(tx, actor.userId, projectId);
  const job = await enqueueJob(tx, {
    organizationId: project.organizationId,
    projectId: project.id,
    createdBy: actor.userId,
    type: GENERATE_JOB,
    payload: { type: body.type, ...(body.instructions ? { instructions: body.instructions } : {}) },
  });
  await recordAudit(tx, actor, {
    action: 'document_generation_requested',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { type: body.type, jobId: job.id, ...(body.instructions ? { instructions: true } : {}) },
  });
  return job;
}

/** A section of an existing document sent to the model, kept in the generated document's metadata.citations. */
export type Citation = {
  /** The id the model saw: `<documentId>#<blockId>`. */
  id: string;
  documentId: string;
  documentType: DocumentType;
  documentTitle: string;
  rev: number;
  blockId: string;
  heading: string | null;
};

export type GenerationContext = {
  project: ProjectRow;
  /** The document's input; `model` is the project's current model, absent when the project has none yet. */
  input: DocumentTaskInput;
  citations: Citation[];
  /** Source documents considered, with how many of their sections were sent. */
  sourceDocuments: Array<{ id: string; type: DocumentType; title: string; rev: number; sections: number }>;
};

type CandidateSection = Citation & { text: string; documentOrder: number; position: number };

/**
 * Everything one document request sends to the model, read in the caller's transaction: the project's idea, the
 * answers to its clarifying questions, the project's current model, and the sections of its existing documents this kind builds on — the latest
 * revision of the newest document of each source type — retrieved by the project's search (the idea's key terms,
 * by words and meaning) within a budget, the best matches first and the rest in document order.
 */
export async function gatherContext(
  tx: Tx,
  userId: string,
  projectId: string,
  kind: DocumentKind,
  instructions: string | undefined,
): Promise<GenerationContext> {
  const project = await requireWritableProject(tx, userId, projectId);
  const idea = ideaOf(project);
  const answers = await answersOf(tx, project.id);

  const sourceTypes = kind.sources.filter((type) => type !== kind.type);
  const candidates: CandidateSection[] = [];
  const sourceDocuments: GenerationContext['sourceDocuments'] = [];
  if (sourceTypes.length) {
    const ordered = await latestDocumentOfTypes(tx, project.id, sourceTypes);
    for (const [documentOrder, doc] of ordered.entries()) {
      const stored = await indexedSections(tx, doc.id, doc.currentRev);
      const sections = stored.length ? stored : splitMarkdownSections(doc.contentMarkdown);
      sourceDocuments.push({ id: doc.id, type: doc.type, title: doc.title, rev: doc.currentRev, sections: 0 });
      for (const section of sections) {
        if (!section.bodyMd.trim() && !section.heading?.trim()) continue;
        candidates.push({
          id: `${doc.id}#${section.blockId}`,
          documentId: doc.id,
          documentType: doc.type,
          documentTitle: doc.title,
          rev: doc.currentRev,
          blockId: section.blockId,
          heading: section.heading,
          text: truncate(section.bodyMd, MAX_SECTION_CHARS),
          documentOrder,
          position: section.position,
        });
      }
    }
  }

  const chosen = await retrieve(tx, userId, project.id, idea, instructions, candidates);
  for (const source of sourceDocuments) source.sections = chosen.filter((c) => c.documentId === source.id).length;
  const sources = sourceDocuments
    .filter((source) => source.sections > 0)
    .map((source) => ({
      documentId: source.id,
      type: source.type,
      title: truncate(source.title, 255),
      sections: chosen.filter((c) => c.documentId === source.id).map((c) => ({ id: c.id, heading: truncate(c.heading ?? '', 500), text: c.text })),
    }));
  const stored = await loadProjectModel(tx, project.id);
  const input = documentTaskInput.parse({
    projectName: truncate(project.name, 255),
    idea,
    ...(answers.length ? { answers } : {}),
    ...(sources.length ? { sources } : {}),
    ...(instructions ? { instructions } : {}),
    ...(stored ? { model: stored.model } : {}),
  });
  const citations = chosen.map(({ text: _text, documentOrder: _order, position: _position, ...citation }) => citation);
  return { project, input, citations, sourceDocuments };
}

/**
 * The sections to send: ranked by the project's hybrid search for the idea's key terms (and the author's
 * instructions), then the rest in document order, within the budget; returned in document order.
 */
async function retrieve(
  tx: Tx,
  userId: string,
  projectId: string,
  idea: string,
  instructions: string | undefined,
  candidates: CandidateSection[],
): Promise<CandidateSection[]> {
  if (candidates.length === 0) return [];
  const rank = new Map<string, number>();
  const terms = extractKeyTerms(`${idea}\n\n${instructions ?? ''}`, 8)
    .map((t) => t.term.replace(/["()]/g, ''))
    .filter((t) => t.trim() !== '');
  if (terms.length) {
    const q = truncate(terms.map((t) => (t.includes(' ') ? `"${t}"` : t)).join(' OR '), 500);
    // A savepoint, so a failing search (it should not) leaves the caller's transaction usable.
    const hits = await tx
      .transaction((sp) => searchProject(sp, userId, projectId, { q, limit: 50 }))
      .then((result) => result.items)
      .catch(() => []);
    hits.forEach((hit, index) => {
      const id = `${hit.documentId}#${hit.blockId}`;
      if (!rank.has(id)) rank.set(id, index);
    });
  }
  const byRelevance = [...candidates].sort((a, b) => {
    const ra = rank.get(a.id) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b.id) ?? Number.MAX_SAFE_INTEGER;
    return ra - rb || a.documentOrder - b.documentOrder || a.position - b.position;
  });
  const chosen: CandidateSection[] = [];
  let used = 0;
  for (const candidate of byRelevance) {
    if (chosen.length >= CONTEXT_MAX_SECTIONS) break;
    const size = candidate.text.length + (candidate.heading?.length ?? 0);
    if (used + size > CONTEXT_BUDGET_CHARS) continue;
    chosen.push(candidate);
    used += size;
  }
  return chosen.sort((a, b) => a.documentOrder - b.documentOrder || a.position - b.position);
}

/** The project's clarifying questions with their answers ('' when skipped or not answered), in order. */
export async function answersOf(tx: Tx, projectId: string): Promise<Array<{ question: string; answer: string }>> {
  const rows = await tx
    .select({ question: projectClarifications.question, answer: projectClarifications.answer })
    .from(projectClarifications)
    .where(eq(projectClarifications.projectId, projectId))
    .orderBy(asc(projectClarifications.position));
  return rows.slice(0, 10).map((row) => ({ question: truncate(row.question.trim(), 2000) || 'Question', answer: truncate(row.answer?.trim() ?? '', 10_000) }));
}

export type GeneratedDocument = {
  kind: DocumentKind;
  output: unknown;
  markdown: string;
  generationId: string;
  provider: string;
  model: string;
};

function metadataOf(generated: GeneratedDocument, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    generatedBy: { task: generated.kind.task.name, provider: generated.provider, model: generated.model, generationId: generated.generationId },
    ...extra,
  };
}

export function documentTitle(project: Pick<ProjectRow, 'name'>, kind: DocumentKind): string {
  const suffix = ` — ${kind.label}`;
  return `${truncate(project.name.trim(), 255 - suffix.length)}${suffix}`;
}

/**
 * Stores a generated document (the job's effect, in its commit transaction): a new revision of the project's
 * document of that type in the current version when there is one, a new document otherwise; status `generated`,
 * linked to its ai_generations row, the structured output as the revision's content, the cited sections in the
 * metadata.
 */
export async function saveGeneratedDocument(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  generated: GeneratedDocument,
  context: { jobId: string; citations: Citation[]; instructions?: string | undefined },
): Promise<{ document: Document; created: boolean }> {
  const project = await requireWritableProject(tx, actor.userId, projectId);
  const [existing] = await tx
    .select({ id: documents.id, metadata: documents.metadata })
    .from(documents)
    .where(
      and(
        eq(documents.projectId, project.id),
        eq(documents.type, generated.kind.type),
        eq(documents.version, project.currentVersion),
        ne(documents.status, 'archived'),
      ),
    )
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(1);
  const metadata = metadataOf(generated, {
    jobId: context.jobId,
    citations: context.citations,
    ...(context.instructions ? { instructions: context.instructions } : {}),
  });
  const note = `Generated (${generated.kind.task.name}${context.citations.length ? `, ${context.citations.length} cited section${context.citations.length === 1 ? '' : 's'}` : ''})`;
  const document = existing
    ? await appendRevision(tx, actor, existing.id, {
        contentMarkdown: generated.markdown,
        content: generated.output,
        generationId: generated.generationId,
        note,
        status: 'generated',
        metadata: { ...existing.metadata, ...metadata },
      })
    : await createDocument(tx, actor, project.id, {
        type: generated.kind.type,
        title: documentTitle(project, generated.kind),
        contentMarkdown: generated.markdown,
        content: generated.output,
        generationId: generated.generationId,
        note,
        status: 'generated',
        metadata,
        version: project.currentVersion,
      });
  await recordAudit(tx, actor, {
    action: 'document_generated',
    resourceType: 'document',
    resourceId: document.id,
    organizationId: project.organizationId,
    details: {
      projectId: project.id,
      type: generated.kind.type,
      rev: document.currentRev,
      generationId: generated.generationId,
      jobId: context.jobId,
      citations: context.citations.length,
      created: !existing,
    },
  });
  return { document, created: !existing };
}

// ---------------------------------------------------------------------------------------------------------------
// The idea pipeline's clarifying questions and documents

type ClarificationRow = typeof projectClarifications.$inferSelect;

function toClarification(row: ClarificationRow): Clarification {
  return {
    id: row.id,
    position: row.position,
    question: row.question,
    why: row.why,
    answer: row.answer,
    skipped: row.skipped,
    answeredBy: row.answeredBy,
    answeredAt: row.answeredAt ? row.answeredAt.toISOString() : null,
  };
}

async function clarificationRows(tx: Tx, projectId: string): Promise<ClarificationRow[]> {
  return tx.select().from(projectClarifications).where(eq(projectClarifications.projectId, projectId)).orderBy(asc(projectClarifications.position));
}

/** The pipeline's documents of the project, if it has produced them. */
async function pipelineDocuments(tx: Tx, projectId: string): Promise<Array<{ id: string; type: DocumentType; title: string; version: number }>> {
  return tx
    .select({ id: documents.id, type: documents.type, title: documents.title, version: documents.version })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), sql`${documents.metadata} ->> 'pipeline' = 'idea'`))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

async function latestPipelineJob(tx: Tx, projectId: string): Promise<JobRow | undefined> {
  const [job] = await tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.projectId, projectId), eq(jobs.type, IDEA_PIPELINE_JOB)))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(1);
  return job;
}

function stageOf(job: JobRow): PipelineStage {
  return job.payload.stage === 'documents' ? 'documents' : 'questions';
}

/** GET /projects/{id}/clarifications: members, viewers included. */
export async function listClarifications(tx: Tx, userId: string, projectId: string): Promise<Clarifications> {
  const { project } = await requireProjectRole(tx, userId, projectId, 'viewer');
  const rows = await clarificationRows(tx, project.id);
  const job = await latestPipelineJob(tx, project.id);
  return {
    projectId: project.id,
    projectStatus: project.status,
    items: rows.map(toClarification),
    jobId: job?.id ?? null,
    job: job
      ? {
          id: job.id,
          stage: stageOf(job),
          status: job.status,
          progress: job.progress,
          progressMessage: job.progressMessage,
          error: job.error ? { code: job.error.code, message: job.error.message } : null,
        }
      : null,
    documents: await pipelineDocuments(tx, project.id),
  };
}

/**
 * Stores the first stage's questions (the job's effect, in its commit transaction). A project that already has
 * questions keeps them: a repeated stage adds nothing.
 */
export async function storeClarifyingQuestions(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  questions: Array<{ question: string; why: string }>,
  generationId: string,
): Promise<{ stored: number }> {
  const project = await requireWritableProject(tx, actor.userId, projectId);
  if ((await clarificationRows(tx, project.id)).length > 0) return { stored: 0 };
  const values = questions.slice(0, 3).map((q, position) => ({
    id: newId(),
    organizationId: project.organizationId,
    projectId: project.id,
    position,
    question: truncate(q.question.trim(), 2000),
    why: q.why.trim() ? truncate(q.why.trim(), 2000) : null,
    generationId,
  }));
  if (values.length) await tx.insert(projectClarifications).values(values);
  await recordAudit(tx, actor, {
    action: 'project_clarifications_created',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { questions: values.length, generationId },
  });
  return { stored: values.length };
}

function invalidAnswers(details: Array<{ field: string; message: string }>): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, {
    details: details.map((d) => ({ ...d, in: 'body' })),
  });
}

/**
 * POST /projects/{id}/clarifications (editors and up): stores the answers (or marks the questions skipped) and
 * queues the second stage. Answering again re-queues it as long as the pipeline's documents do not exist yet, so a
 * failed run can be retried; while a stage is queued or running the request is a 409 naming that job.
 */
export async function answerClarifications(tx: Tx, actor: UserActor, projectId: string, body: AnswerClarificationsBody): Promise<JobRow> {
  const project = await requireWritableProject(tx, actor.userId, projectId);
  // One answer at a time per project: the project's row lock orders concurrent requests.
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, project.id)).for('update');
  const existing = await pipelineDocuments(tx, project.id);
  if (existing.length) {
    throw new AppError('CONFLICT', 'The documents of this idea have already been generated', {
      details: { documents: existing.map((d) => d.id) },
    });
  }
  const job = await latestPipelineJob(tx, project.id);
  if (job && (job.status === 'queued' || job.status === 'running')) {
    const what = stageOf(job) === 'questions' ? 'The clarifying questions are still being prepared' : 'The documents are already being generated';
    throw new AppError('CONFLICT', `${what}; follow job ${job.id}`, { details: { jobId: job.id } });
  }
  const rows = await clarificationRows(tx, project.id);
  const answers = body.answers ?? [];
  const known = new Map(rows.map((row) => [row.id, row]));
  const problems: Array<{ field: string; message: string }> = [];
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    if (!known.has(answer.id)) problems.push({ field: `answers.${index}.id`, message: 'is not a clarifying question of this project' });
    else if (seen.has(answer.id)) problems.push({ field: `answers.${index}.id`, message: 'is answered twice' });
    seen.add(answer.id);
  });
  if (problems.length) throw invalidAnswers(problems);

  const now = new Date();
  for (const answer of answers) {
    await tx
      .update(projectClarifications)
      .set({ answer: answer.answer || null, skipped: answer.answer === '', answeredBy: actor.userId, answeredAt: now })
      .where(eq(projectClarifications.id, answer.id));
  }
  if (body.skip) {
    const open = rows.filter((row) => !seen.has(row.id) && row.answer === null).map((row) => row.id);
    if (open.length) await tx.update(projectClarifications).set({ skipped: true, answeredBy: actor.userId, answeredAt: now }).where(inArray(projectClarifications.id, open));
  }
  const queued = await enqueueIdeaPipeline(tx, { organizationId: project.organizationId, projectId: project.id, userId: actor.userId }, 'documents');
  await recordAudit(tx, actor, {
    action: 'project_clarifications_answered',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { answered: answers.filter((a) => a.answer !== '').length, skipped: Boolean(body.skip), jobId: queued.id },
  });
  return queued;
}

/** The second stage's input: the project's idea and every question with its answer ('' when skipped); the stage builds the model. */
export async function pipelineInput(tx: Tx, userId: string, projectId: string): Promise<{ project: ProjectRow; input: DocumentTaskInput }> {
  const project = await requireWritableProject(tx, userId, projectId);
  if ((await pipelineDocuments(tx, project.id)).length) {
    throw new AppError('CONFLICT', 'The documents of this idea have already been generated');
  }
  const answers = await answersOf(tx, project.id);
  const input = documentTaskInput.parse({ projectName: truncate(project.name, 255), idea: ideaOf(project), ...(answers.length ? { answers } : {}) });
  return { project, input };
}

/**
 * The second stage's effect, in one transaction: project version 1 (made by the AI), the documents in that version,
 * and the project status `ready`. Refused when the pipeline's documents exist already, so they exist once. The
 * caller saves the project model for the returned version in the same transaction.
 */
export async function savePipelineDocuments(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  generated: GeneratedDocument[],
  jobId: string,
): Promise<{ version: number; documents: Array<{ id: string; type: GeneratableType; rev: number }> }> {
  const project = await requireWritableProject(tx, actor.userId, projectId);
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, project.id)).for('update');
  if ((await pipelineDocuments(tx, project.id)).length) {
    throw new AppError('CONFLICT', 'The documents of this idea have already been generated');
  }
  const version = await createProjectVersion(tx, actor, project.id, 'Generated from the idea: project model, overview, PRD, SRS, marketing plan, technical design and delivery plan', { byAi: true });
  const saved: Array<{ id: string; type: GeneratableType; rev: number }> = [];
  for (const item of generated) {
    const document = await createDocument(tx, actor, project.id, {
      type: item.kind.type,
      title: documentTitle(project, item.kind),
      contentMarkdown: item.markdown,
      content: item.output,
      generationId: item.generationId,
      status: 'generated',
      version: version.version,
      note: `Generated from the idea (${item.kind.task.name})`,
      metadata: metadataOf(item, { pipeline: 'idea', jobId }),
    });
    saved.push({ id: document.id, type: item.kind.type, rev: document.currentRev });
  }
  // A project the author gave another status keeps it; one created from the idea becomes ready.
  const ready = project.status === 'processing';
  if (ready) await tx.update(projects).set({ status: 'ready' }).where(eq(projects.id, project.id));
  await recordAudit(tx, actor, {
    action: 'project_generated',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { version: version.version, jobId, documents: saved.map((d) => ({ id: d.id, type: d.type })), ...(ready ? { status: { from: project.status, to: 'ready' } } : {}) },
  });
  return { version: version.version, documents: saved };
}

export { documentKinds, pipelineTypes };
