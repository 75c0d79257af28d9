import { and, asc, desc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { AiGateway } from '../../../core/ai/index.js';
import type { Tx } from '../../../core/db/database.js';
import type { ProjectRow } from '../../projects/index.js';
import { requireBacklogAccess } from '../backlog-access.js';
import type { estimateBody, estimateSchema, similarStoriesQuery, similarStoriesSchema } from '../backlog.contract.js';
import { stories } from '../backlog.schema.js';
import { storyKey } from '../stories.service.js';
import { storyFeatures, storySimilarity } from './similarity.js';
import { MAX_ESTIMATE_CANDIDATES, storyEstimateTask } from './story-estimate/index.js';

/** How alike an open story must read to be shown as a possible duplicate. */
export const DUPLICATE_SIMILARITY = 0.45;
const MAX_DUPLICATES = 10;
/** Stories read for a comparison, the most recently changed first: enough for any real backlog, bounded for a huge one. */
const MAX_COMPARED_ROWS = 5000;

/**
 * GET …/stories/similar: the project's open stories (not done) that read like the title and description being
 * written, most alike first, above DUPLICATE_SIMILARITY. Any member; no model call.
 */
export async function findSimilarStories(tx: Tx, userId: string, projectId: string, query: z.infer<typeof similarStoriesQuery>): Promise<z.infer<typeof similarStoriesSchema>> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  if (!query.title.trim() && !query.description?.trim()) return { items: [], threshold: DUPLICATE_SIMILARITY };
  const rows = await tx
    .select({ id: stories.id, number: stories.number, title: stories.title, description: stories.description, status: stories.status })
    .from(stories)
    .where(and(eq(stories.projectId, project.id), ne(stories.status, 'done')))
    .orderBy(desc(stories.updatedAt))
    .limit(MAX_COMPARED_ROWS);
  const written = storyFeatures({ title: query.title, description: query.description });
  const items = rows
    .filter((row) => row.id !== query.excludeId)
    .map((row) => ({ storyId: row.id, key: storyKey(project.key, row.number), title: row.title, status: row.status, similarity: storySimilarity(written, row) }))
    .filter((item) => item.similarity >= DUPLICATE_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.key.localeCompare(b.key))
    .slice(0, MAX_DUPLICATES);
  return { items, threshold: DUPLICATE_SIMILARITY };
}

/** The finished, estimated stories of the project that read most like the new one, for the estimate's input. */
export async function estimateCandidates(tx: Tx, project: ProjectRow, story: z.infer<typeof estimateBody>) {
  const rows = await tx
    .select({ id: stories.id, number: stories.number, title: stories.title, description: stories.description, storyPoints: stories.storyPoints })
    .from(stories)
    .where(and(eq(stories.projectId, project.id), eq(stories.status, 'done'), isNotNull(stories.storyPoints)))
    .orderBy(desc(stories.updatedAt))
    .limit(MAX_COMPARED_ROWS);
  const written = storyFeatures(story);
  return rows
    .map((row) => ({
      storyId: row.id,
      key: storyKey(project.key, row.number),
      title: row.title,
      description: row.description.slice(0, 2000),
      storyPoints: row.storyPoints!,
      similarity: storySimilarity(written, row),
    }))
    .sort((a, b) => b.similarity - a.similarity || a.key.localeCompare(b.key))
    .slice(0, MAX_ESTIMATE_CANDIDATES);
}

/**
 * POST …/stories/estimate, after estimateCandidates read the candidates in a short transaction: a points suggestion from the similar finished stories, through the gateway (ledger type
 * `analysis`). What a model lists as compared is kept only where it is one of the stories it was given, with their
 * real points and similarity, so the answer never cites a story that does not exist.
 */
export async function estimateStory(
  ai: AiGateway,
  loaded: { project: ProjectRow; candidates: Awaited<ReturnType<typeof estimateCandidates>> },
  userId: string,
  story: z.infer<typeof estimateBody>,
): Promise<z.infer<typeof estimateSchema>> {
  const { project, candidates } = loaded;
  const generation = await ai.run(storyEstimateTask, { story: { title: story.title, description: story.description ?? '' }, candidates }, {
    organizationId: project.organizationId,
    projectId: project.id,
    userId,
  });
  const given = new Map(candidates.map((c) => [c.storyId, c]));
  const comparedTo = generation.output.comparedTo
    .map((c) => given.get(c.storyId))
    .filter((c) => c !== undefined)
    .map((c) => ({ storyId: c.storyId, key: c.key, title: c.title, storyPoints: c.storyPoints, similarity: c.similarity }));
  return { storyPoints: generation.output.storyPoints, comparedTo, explanation: generation.output.explanation };
}

/** The backlog in rank order (stories in no sprint and not done), for sprint planning. */
export async function backlogInRankOrder(tx: Tx, projectId: string) {
  return tx
    .select()
    .from(stories)
    .where(and(eq(stories.projectId, projectId), isNull(stories.sprintId), ne(stories.status, 'done')))
    .orderBy(asc(stories.rank), asc(stories.id));
}
