import { eq } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { projectModelSchema, type ProjectModel } from './project-model.contract.js';
import { projectModelRevisions, projectModels } from './project-model.schema.js';
import { invalidModel, validateModel } from './validate-model.js';

export type StoredModel = { model: ProjectModel; rev: number; updatedAt: Date };

/**
 * The project's current model, or null before one was built. A stored model that no longer parses (an older shape)
 * is read leniently: unknown keys are an error, missing lists default to empty.
 */
export async function loadProjectModel(tx: Tx, projectId: string): Promise<StoredModel | null> {
  const [row] = await tx.select().from(projectModels).where(eq(projectModels.projectId, projectId)).limit(1);
  if (!row || row.currentRev === 0) return null;
  return { model: projectModelSchema.parse(row.model), rev: row.currentRev, updatedAt: row.updatedAt };
}

export type SaveModelOptions = {
  /** What changed, shown in the history ("Built from the idea and 3 answers", "Renamed Booking to Reservation"). */
  note: string;
  generationId?: string | null;
  /** The project version the model was built for. */
  version?: number | null;
  restoredFrom?: number | null;
};

/**
 * Saves the model as the project's next revision; the caller checked the role and the project. A model that does not
 * hold together (an id referenced but missing, an id used twice) is refused with a 422 naming the path.
 */
export async function saveProjectModel(tx: Tx, userId: string | null, organizationId: string, projectId: string, model: ProjectModel, options: SaveModelOptions): Promise<{ rev: number }> {
  const parsed = projectModelSchema.parse(model);
  const problems = validateModel(parsed);
  if (problems.length) throw invalidModel(problems);
  await tx.insert(projectModels).values({ projectId, organizationId }).onConflictDoNothing();
  const [row] = await tx
    .insert(projectModelRevisions)
    .values({
      projectId,
      organizationId,
      rev: 0,
      model: parsed,
      version: options.version ?? null,
      note: options.note.slice(0, 1000),
      createdBy: userId,
      generationId: options.generationId ?? null,
      restoredFrom: options.restoredFrom ?? null,
    })
    .returning({ rev: projectModelRevisions.rev });
  if (!row) throw new Error('The model revision was not saved');
  return { rev: row.rev };
}
