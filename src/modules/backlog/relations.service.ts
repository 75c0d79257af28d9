import { and, eq, or } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import type { UserActor } from '../organizations/index.js';
import { invalidField, requireBacklogAccess } from './backlog-access.js';
import { storyRelationKinds, type CreateRelationBody, type StoryRelation, type StoryRelationKind } from './backlog.contract.js';
import { stories, storyRelations } from './backlog.schema.js';
import { loadStory, storyKey } from './stories.service.js';

/** A story's relations both ways: "X blocks Y" is outward on X and inward on Y. */
export async function listRelations(tx: Tx, userId: string, projectId: string, storyId: string): Promise<{ items: StoryRelation[] }> {
  const project = await requireBacklogAccess(tx, userId, projectId, 'read');
  const story = await loadStory(tx, project.id, storyId);
  const rows = await tx
    .select({
      storyId: storyRelations.storyId,
      relatedStoryId: storyRelations.relatedStoryId,
      kind: storyRelations.kind,
      otherNumber: stories.number,
      otherTitle: stories.title,
    })
    .from(storyRelations)
    .innerJoin(
      stories,
      or(
        and(eq(storyRelations.storyId, story.id), eq(stories.id, storyRelations.relatedStoryId)),
        and(eq(storyRelations.relatedStoryId, story.id), eq(stories.id, storyRelations.storyId)),
      ),
    )
    .where(or(eq(storyRelations.storyId, story.id), eq(storyRelations.relatedStoryId, story.id)))
    .orderBy(storyRelations.createdAt);
  return {
    items: rows.map((row) => {
      const outward = row.storyId === story.id;
      return {
        storyId: story.id,
        relatedStoryId: outward ? row.relatedStoryId : row.storyId,
        relatedKey: storyKey(project.key, row.otherNumber),
        relatedTitle: row.otherTitle,
        kind: row.kind,
        direction: outward ? 'outward' : 'inward',
      };
    }),
  };
}

/** POST /stories/{id}/relations: editors; the other story must be of the same project. Adding it twice is harmless. */
export async function addRelation(tx: Tx, actor: UserActor, projectId: string, storyId: string, input: CreateRelationBody): Promise<StoryRelation> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const story = await loadStory(tx, project.id, storyId);
  if (input.relatedStoryId === story.id) throw invalidField('relatedStoryId', 'is the story itself');
  const [related] = await tx
    .select({ id: stories.id, number: stories.number, title: stories.title })
    .from(stories)
    .where(and(eq(stories.id, input.relatedStoryId), eq(stories.projectId, project.id)));
  if (!related) throw invalidField('relatedStoryId', 'is not a story of this project');
  await tx
    .insert(storyRelations)
    .values({
      organizationId: project.organizationId,
      projectId: project.id,
      storyId: story.id,
      relatedStoryId: related.id,
      kind: input.kind,
      createdBy: actor.userId,
    })
    .onConflictDoNothing();
  return {
    storyId: story.id,
    relatedStoryId: related.id,
    relatedKey: storyKey(project.key, related.number),
    relatedTitle: related.title,
    kind: input.kind,
    direction: 'outward',
  };
}

/** DELETE /stories/{id}/relations/{kind}/{relatedId}: removes the relation whichever way it was recorded. */
export async function removeRelation(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  storyId: string,
  kind: string,
  relatedStoryId: string,
): Promise<void> {
  const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
  const story = await loadStory(tx, project.id, storyId);
  if (!storyRelationKinds.includes(kind as StoryRelationKind) || !isUuid(relatedStoryId)) throw notFound('Relation');
  const removed = await tx
    .delete(storyRelations)
    .where(
      and(
        eq(storyRelations.kind, kind as StoryRelationKind),
        or(
          and(eq(storyRelations.storyId, story.id), eq(storyRelations.relatedStoryId, relatedStoryId)),
          and(eq(storyRelations.storyId, relatedStoryId), eq(storyRelations.relatedStoryId, story.id)),
        ),
      ),
    )
    .returning({ kind: storyRelations.kind });
  if (removed.length === 0) throw notFound('Relation');
}
