import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordGenerationOutcome } from '../../../core/ai/index.js';
import { recordAudit } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { getJob } from '../../../core/jobs/index.js';
import type { UserActor } from '../../organizations/index.js';
import type { ProjectRow } from '../../projects/index.js';
import { invalidField, lockBacklogCounter, requireBacklogAccess } from '../backlog-access.js';
import { storyProposalSchema, type AcceptProposalsBody, type AcceptProposalsResult, type CreateStoryBody, type StoryProposal } from '../backlog.contract.js';
import { epics } from '../backlog.schema.js';
import { createEpic } from '../epics.service.js';
import { createStories } from '../stories.service.js';
import { GENERATE_STORIES_JOB } from './generate-stories.service.js';

const jobResultSchema = z.object({ generationId: z.string(), proposals: z.array(storyProposalSchema) });

/** The proposals a succeeded story generation job of the project holds; 404 for any other job, 409 before it succeeded. */
async function proposalsOf(tx: Tx, projectId: string, jobId: string): Promise<z.infer<typeof jobResultSchema>> {
  const job = await getJob(tx, jobId);
  if (job.projectId !== projectId || job.type !== GENERATE_STORIES_JOB) throw notFound('Job');
  if (job.status !== 'succeeded') {
    throw new AppError('CONFLICT', `The story generation job is ${job.status}; its proposals can be accepted once it has succeeded`, {
      details: { field: 'jobId', status: job.status },
    });
  }
  const parsed = jobResultSchema.safeParse(job.result);
  if (!parsed.success) throw new AppError('CONFLICT', 'The job holds no story proposals to accept', { details: { field: 'jobId' } });
  return parsed.data;
}

/**
 * The epics of these titles: the project's existing ones reused (same title, ignoring case), the others created
 * through the epic service at the bottom of the epic order.
 */
async function ensureEpics(tx: Tx, actor: UserActor, project: ProjectRow, wanted: ReadonlyArray<{ title: string; description: string }>) {
  const byTitle = new Map<string, { id: string; key: string; title: string; created: boolean }>();
  if (!wanted.length) return byTitle;
  const lower = [...new Set(wanted.map((e) => e.title.toLowerCase()))];
  const existing = await tx
    .select({ id: epics.id, number: epics.number, title: epics.title })
    .from(epics)
    .where(and(eq(epics.projectId, project.id), inArray(sql`lower(${epics.title})`, lower)))
    .orderBy(epics.number);
  for (const epic of existing) {
    if (!byTitle.has(epic.title.toLowerCase())) byTitle.set(epic.title.toLowerCase(), { id: epic.id, key: `${project.key}-E${epic.number}`, title: epic.title, created: false });
  }
  for (const epic of wanted) {
    if (byTitle.has(epic.title.toLowerCase())) continue;
    const created = await createEpic(tx, actor, project.id, { title: epic.title.slice(0, 255), description: epic.description });
    byTitle.set(epic.title.toLowerCase(), { id: created.id, key: created.key, title: created.title, created: true });
  }
  return byTitle;
}

/** Criteria as the story keeps them: a Markdown list, one Given/When/Then per line. */
const criteriaText = (criteria: readonly string[]) => criteria.map((c) => `- ${c.trim()}`).join('\n');

/**
 * POST …/stories/accept: turns the chosen proposals of a story generation job, with the person's edits, into stories
 * (and their epics, reusing an existing epic of the same title) in one transaction, in the order the job proposed
 * them, so the keys follow the document. The job's ledger row keeps the outcome; a job is accepted once, and a second
 * accept (a double submit, another tab) answers 409 and creates nothing.
 */
export async function acceptProposals(tx: Tx, actor: UserActor, projectId: string, body: AcceptProposalsBody): Promise<AcceptProposalsResult> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const { generationId, proposals } = await proposalsOf(tx, project.id, body.jobId);
  const known = new Map(proposals.map((p) => [p.proposalId, p]));
  body.proposalIds.forEach((id, i) => {
    if (!known.has(id)) throw invalidField(`proposalIds.${i}`, `“${id}” is not a proposal of this job`);
  });
  for (const id of Object.keys(body.edits ?? {})) {
    if (!known.has(id)) throw invalidField(`edits.${id}`, `“${id}” is not a proposal of this job`);
  }
  const chosen = new Set(body.proposalIds);
  const accepted: StoryProposal[] = proposals
    .filter((p) => chosen.has(p.proposalId))
    .map((p) => {
      const edit = body.edits?.[p.proposalId];
      return edit ? { ...p, ...Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined)) } : p;
    });

  await lockBacklogCounter(tx, project);
  const epicOf = await ensureEpics(tx, actor, project, accepted.map((p) => p.epic).filter((e) => e.title.trim()));
  const inputs: CreateStoryBody[] = accepted.map((p) => ({
    // A model's text is not bounded by the proposal schema; the story's columns are.
    title: p.title.trim().slice(0, 255),
    description: p.description.slice(0, 100_000),
    acceptanceCriteria: criteriaText(p.acceptanceCriteria).slice(0, 100_000),
    storyPoints: p.storyPoints,
    priority: p.priority,
    epicId: epicOf.get(p.epic.title.trim().toLowerCase())?.id ?? null,
  }));
  const stories = await createStories(tx, actor, project.id, inputs, { project });
  const usedEpics = [...new Map(accepted.map((p) => epicOf.get(p.epic.title.trim().toLowerCase())).filter((e) => e !== undefined).map((e) => [e.id, e])).values()];
  const outcome = {
    jobId: body.jobId,
    accepted: stories.length,
    rejected: proposals.length - stories.length,
    edited: accepted.filter((p) => body.edits?.[p.proposalId]).length,
    storyIds: stories.map((s) => s.id),
    epicsCreated: usedEpics.filter((e) => e.created).length,
    by: actor.userId,
    at: new Date().toISOString(),
  };
  if (!(await recordGenerationOutcome(tx, generationId, outcome))) {
    throw new AppError('CONFLICT', 'The proposals of this job were already accepted; generate again for new proposals', { details: { field: 'jobId' } });
  }
  await recordAudit(tx, actor, {
    action: 'story_proposals_accepted',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { jobId: body.jobId, generationId, accepted: outcome.accepted, rejected: outcome.rejected, edited: outcome.edited },
  });
  return { stories, epics: usedEpics, rejected: outcome.rejected };
}
