import { and, desc, eq, lt } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { users } from '../../core/db/platform.schema.js';
import { AppError } from '../../core/errors.js';
import { decodeSerialCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { diffMarkdown } from '../documents/index.js';
import { requireProjectAccess, type ProjectRow } from '../projects/index.js';
import { applyCorrection } from './corrections.js';
import { saveProjectModel } from './model-store.js';
import {
  emptyProjectModel,
  projectModelSchema,
  type CorrectModelBody,
  type ListModelRevisionsQuery,
  type ModelDiff,
  type ModelDiffQuery,
  type ModelRevision,
  type ModelRevisionSummary,
  type ProjectModel,
  type ReplaceModelBody,
  type RestoreModelBody,
  type SavedProjectModel,
  type StoredProjectModel,
} from './project-model.contract.js';
import { projectModelRevisions, projectModels } from './project-model.schema.js';
import { renderModelMarkdown } from './render-markdown.js';
import { invalidModel, validateModel } from './validate-model.js';

/** The caller's project for reading (members) or changing its model (editors and up, not deleted). */
export async function requireModelProject(tx: Tx, userId: string, projectId: string, access: 'read' | 'write'): Promise<ProjectRow> {
  const { project } = await requireProjectAccess(tx, userId, projectId, access, 'The project is deleted; restore it before changing its model');
  return project;
}

export const NO_MODEL_MESSAGE = 'This project has no model yet: it is built when the idea’s questions are answered, or rebuild it now';

function noModel(): AppError {
  return new AppError('NOT_FOUND', NO_MODEL_MESSAGE);
}

type CurrentRow = { model: unknown; currentRev: number; updatedAt: Date };

function toStored(row: CurrentRow): StoredProjectModel {
  return { model: projectModelSchema.parse(row.model), rev: row.currentRev, updatedAt: row.updatedAt.toISOString() };
}

/** GET /projects/{id}/model: members read the current model; 404 before one was built. */
export async function getModel(tx: Tx, userId: string, projectId: string): Promise<StoredProjectModel> {
  const project = await requireModelProject(tx, userId, projectId, 'read');
  const [row] = await tx.select().from(projectModels).where(eq(projectModels.projectId, project.id));
  if (!row || row.currentRev === 0) throw noModel();
  return toStored(row);
}

/**
 * The project's model row, locked until the transaction ends, so two changes made on the same revision are applied
 * one after the other and the second hears it is stale. Created (at revision 0) when the project has none yet.
 */
async function lockModel(tx: Tx, project: ProjectRow): Promise<CurrentRow> {
  await tx.insert(projectModels).values({ projectId: project.id, organizationId: project.organizationId }).onConflictDoNothing();
  const [row] = await tx.select().from(projectModels).where(eq(projectModels.projectId, project.id)).for('update');
  if (!row) throw new Error('The project model row was not created');
  return row;
}

function staleRevision(row: CurrentRow, baseRev: number): AppError {
  const current = row.currentRev === 0 ? null : toStored(row);
  return new AppError(
    'CONFLICT',
    `The model changed since revision ${baseRev}: it is at revision ${row.currentRev}. Apply your change to the current model and send it with baseRev ${row.currentRev}`,
    { details: { field: 'baseRev', baseRev, currentRev: row.currentRev, model: current } },
  );
}

async function reload(tx: Tx, projectId: string): Promise<StoredProjectModel> {
  const [row] = await tx.select().from(projectModels).where(eq(projectModels.projectId, projectId));
  if (!row) throw noModel();
  return toStored(row);
}

type Change = {
  model: ProjectModel;
  note: string;
  restoredFrom?: number;
  action: 'project_model_corrected' | 'project_model_replaced' | 'project_model_restored';
  details?: Record<string, unknown>;
};

/** Saves `model` as the next revision after checking baseRev, and records who did it. */
async function commitChange(
  tx: Tx,
  actor: UserActor,
  project: ProjectRow,
  baseRev: number | undefined,
  change: (current: ProjectModel) => Change | Promise<Change>,
): Promise<SavedProjectModel> {
  const row = await lockModel(tx, project);
  if (baseRev !== undefined && baseRev !== row.currentRev) throw staleRevision(row, baseRev);
  const current = row.currentRev === 0 ? emptyProjectModel() : projectModelSchema.parse(row.model);
  const next = await change(current);
  const { rev } = await saveProjectModel(tx, actor.userId, project.organizationId, project.id, next.model, {
    note: next.note,
    version: project.currentVersion,
    restoredFrom: next.restoredFrom ?? null,
  });
  await recordAudit(tx, actor, {
    action: next.action,
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { rev, fromRev: row.currentRev, note: next.note, ...next.details },
  });
  const saved = await reload(tx, project.id);
  return { ...saved, note: next.note };
}

/** POST /projects/{id}/model/corrections: one correction as a new revision (editors and up). */
export async function correctModel(tx: Tx, actor: UserActor, projectId: string, body: CorrectModelBody): Promise<SavedProjectModel> {
  const project = await requireModelProject(tx, actor.userId, projectId, 'write');
  return commitChange(tx, actor, project, body.baseRev, (current) => {
    const result = applyCorrection(current, body.correction);
    return { ...result, action: 'project_model_corrected', details: { correction: body.correction.kind } };
  });
}

/** PUT /projects/{id}/model: the whole model replaced, once it holds together (editors and up). */
export async function replaceModel(tx: Tx, actor: UserActor, projectId: string, body: ReplaceModelBody): Promise<SavedProjectModel> {
  const project = await requireModelProject(tx, actor.userId, projectId, 'write');
  const problems = validateModel(body.model);
  if (problems.length) throw invalidModel(problems);
  return commitChange(tx, actor, project, body.baseRev, () => ({ model: body.model, note: body.note || 'Edited the model', action: 'project_model_replaced' }));
}

const revisionColumns = {
  rev: projectModelRevisions.rev,
  note: projectModelRevisions.note,
  version: projectModelRevisions.version,
  createdBy: projectModelRevisions.createdBy,
  createdByName: users.name,
  generationId: projectModelRevisions.generationId,
  restoredFrom: projectModelRevisions.restoredFrom,
  createdAt: projectModelRevisions.createdAt,
};
type SummaryRow = Omit<ModelRevisionSummary, 'createdAt'> & { createdAt: Date };
const toSummary = (row: SummaryRow): ModelRevisionSummary => ({ ...row, createdAt: row.createdAt.toISOString() });

async function currentRevOf(tx: Tx, projectId: string): Promise<number> {
  const [row] = await tx.select({ rev: projectModels.currentRev }).from(projectModels).where(eq(projectModels.projectId, projectId));
  return row?.rev ?? 0;
}

/** GET /projects/{id}/model/revisions: newest first, keyset on the revision number. */
export async function listModelRevisions(tx: Tx, userId: string, projectId: string, query: ListModelRevisionsQuery): Promise<Page<ModelRevisionSummary>> {
  const project = await requireModelProject(tx, userId, projectId, 'read');
  const before = decodeSerialCursor(query.cursor);
  const rows = await tx
    .select(revisionColumns)
    .from(projectModelRevisions)
    .leftJoin(users, eq(users.id, projectModelRevisions.createdBy))
    .where(and(eq(projectModelRevisions.projectId, project.id), before !== undefined ? lt(projectModelRevisions.rev, before) : undefined))
    .orderBy(desc(projectModelRevisions.rev))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toSummary, (row) => ({ sort: String(row.rev), id: String(row.rev) }));
}

async function loadRevision(tx: Tx, projectId: string, rev: number, field = 'rev'): Promise<ModelRevision> {
  const current = await currentRevOf(tx, projectId);
  if (current === 0) throw noModel();
  const [row] =
    rev >= 1 && rev <= current
      ? await tx
          .select({ ...revisionColumns, model: projectModelRevisions.model })
          .from(projectModelRevisions)
          .leftJoin(users, eq(users.id, projectModelRevisions.createdBy))
          .where(and(eq(projectModelRevisions.projectId, projectId), eq(projectModelRevisions.rev, rev)))
      : [];
  if (!row) {
    throw new AppError('NOT_FOUND', `Revision ${rev} not found: the model has revisions 1 to ${current}`, {
      details: [{ field, message: `no revision ${rev}; the latest is ${current}` }],
    });
  }
  return { ...toSummary(row), model: projectModelSchema.parse(row.model) };
}

/** GET /projects/{id}/model/revisions/{rev}: one revision with its model. */
export async function getModelRevision(tx: Tx, userId: string, projectId: string, rev: number): Promise<ModelRevision> {
  const project = await requireModelProject(tx, userId, projectId, 'read');
  return loadRevision(tx, project.id, rev);
}

/** GET /projects/{id}/model/diff: the two revisions rendered as Markdown, compared line by line. */
export async function diffModelRevisions(tx: Tx, userId: string, projectId: string, query: ModelDiffQuery): Promise<ModelDiff> {
  const project = await requireModelProject(tx, userId, projectId, 'read');
  const current = await currentRevOf(tx, project.id);
  if (current === 0) throw noModel();
  const to = query.to ?? current;
  const from = query.from ?? Math.max(1, to - 1);
  const [older, newer] = [await loadRevision(tx, project.id, from, 'from'), await loadRevision(tx, project.id, to, 'to')];
  const diff = diffMarkdown(renderModelMarkdown(older.model), renderModelMarkdown(newer.model), { from: `model rev ${from}`, to: `model rev ${to}` });
  return { from, to, ...diff };
}

/** POST /projects/{id}/model/revisions/{rev}/restore: an old revision's model as the newest revision. */
export async function restoreModelRevision(tx: Tx, actor: UserActor, projectId: string, rev: number, body: RestoreModelBody): Promise<SavedProjectModel> {
  const project = await requireModelProject(tx, actor.userId, projectId, 'write');
  return commitChange(tx, actor, project, body.baseRev, async () => {
    const old = await loadRevision(tx, project.id, rev);
    return { model: old.model, note: body.note || `Restored revision ${old.rev}`, restoredFrom: old.rev, action: 'project_model_restored', details: { restoredFrom: old.rev } };
  });
}
