import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { users } from '../../core/db/platform.schema.js';
import { AppError, defineErrorCode, notFound } from '../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeSerialCursor, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import { requireSourceDocument } from '../documents/index.js';
import type { UserActor } from '../organizations/index.js';
import { requireProjectAccess, type ProjectRow } from '../projects/index.js';
import type {

  Diagram,
  DiagramRevision,
  ListDiagramRevisionsQuery,
  ListDiagramsQuery,
  RestoreDiagramBody,
  UpdateDiagramBody,
} from './diagrams.contract.js';
import { diagramRevisions, diagrams, type DiagramType } from './diagrams.schema.js';
import type { MermaidValidation } from './mermaid-validator.js';

export type DiagramRow = typeof diagrams.$inferSelect;

export function toDiagram(row: DiagramRow): Diagram {
  return {
    id: row.id,
    organizationId: row.organizationId,
    projectId: row.projectId,
    type: row.diagramType,
    title: row.title,
    description: row.description,
    mermaidCode: row.mermaidCode,
    options: row.options,
    imageUrl: row.imageUrl,
    currentRev: row.currentRev,
    sourceDocumentId: row.sourceDocumentId,
    creatorId: row.creatorId,
    generationId: row.generationId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Where Mermaid refused the code, as "line N" or "line N, column M"; null when the parser names no line. */
export function refusalPlace(validation: Extract<MermaidValidation, { ok: false }>): string | null {
  return validation.line !== null ? `line ${validation.line}${validation.column !== undefined ? `, column ${validation.column}` : ''}` : null;
}

/** Mermaid code its parser rejects (or that is another kind than its type); details carry the line and message. */
export const INVALID_DIAGRAM = defineErrorCode('INVALID_DIAGRAM', 422);

/** 422 for Mermaid code the parser rejects, naming the field, the line (and column) and the parser's message. */
export function invalidDiagram(validation: Extract<MermaidValidation, { ok: false }>): AppError {
  const place = refusalPlace(validation);
  const where = place !== null ? ` (${place})` : '';
  const firstLine = validation.message.split('\n')[0] ?? validation.message;
  return new AppError(INVALID_DIAGRAM, `The Mermaid code was refused${where}: ${firstLine}`, {
    details: [
      {
        field: 'mermaidCode',
        in: 'body',
        line: validation.line,
        ...(validation.column !== undefined ? { column: validation.column } : {}),
        message: validation.message,
      },
    ],
  });
}

/** The caller's project for reading (members) or writing (editors and up, not deleted). */
export async function requireDiagramsAccess(tx: Tx, userId: string, projectId: string, access: 'read' | 'write'): Promise<ProjectRow> {
  const { project } = await requireProjectAccess(tx, userId, projectId, access, 'The project is deleted; restore it before changing its diagrams');
  return project;
}

export async function loadDiagram(tx: Tx, projectId: string, diagramId: string): Promise<DiagramRow> {
  if (!isUuid(diagramId)) throw notFound('Diagram');
  const [row] = await tx.select().from(diagrams).where(and(eq(diagrams.id, diagramId), eq(diagrams.projectId, projectId)));
  if (!row) throw notFound('Diagram');
  return row;
}

async function lockDiagram(tx: Tx, diagramId: string): Promise<DiagramRow> {
  const [row] = await tx.select().from(diagrams).where(eq(diagrams.id, diagramId)).for('update');
  if (!row) throw notFound('Diagram');
  return row;
}

function staleRevision(row: DiagramRow, baseRev: number): AppError {
  return new AppError(
    'CONFLICT',
    `The diagram changed since revision ${baseRev}: it is at revision ${row.currentRev}. Merge your change into the current code and send it with baseRev ${row.currentRev}`,
    { details: { field: 'baseRev', baseRev, currentRev: row.currentRev, diagram: toDiagram(row) } },
  );
}

type RevisionInput = {
  title: string;
  description: string | null;
  mermaidCode: string;
  options: Record<string, unknown>;
  note?: string | null;
  generationId?: string | null;
  restoredFrom?: number | null;
};

/** Appends a revision; the database numbers it and copies it onto the diagram. */
async function insertRevision(tx: Tx, actor: UserActor, row: DiagramRow, input: RevisionInput): Promise<number> {
  const [inserted] = await tx
    .insert(diagramRevisions)
    .values({
      diagramId: row.id,
      organizationId: row.organizationId,
      projectId: row.projectId,
      rev: 0,
      title: input.title,
      description: input.description,
      mermaidCode: input.mermaidCode,
      options: input.options,
      createdBy: actor.userId,
      generationId: input.generationId ?? null,
      note: input.note ?? null,
      restoredFrom: input.restoredFrom ?? null,
    })
    .returning({ rev: diagramRevisions.rev });
  if (!inserted) throw new Error('The diagram revision was not inserted');
  return inserted.rev;
}

async function reload(tx: Tx, diagramId: string): Promise<DiagramRow> {
  const [row] = await tx.select().from(diagrams).where(eq(diagrams.id, diagramId));
  if (!row) throw notFound('Diagram');
  return row;
}

export type NewDiagram = {
  type: DiagramType;
  title: string;
  description?: string | null | undefined;
  /** Already validated by the caller (outside the transaction). */
  mermaidCode: string;
  options?: Record<string, unknown> | undefined;
  imageUrl?: string | null | undefined;
  sourceDocumentId?: string | null | undefined;
  generationId?: string | null | undefined;
  note?: string | null | undefined;
};

/** Creates a diagram and its revision 1 (editors and up). The Mermaid code must have been validated already. */
export async function createDiagram(tx: Tx, actor: UserActor, projectId: string, input: NewDiagram): Promise<Diagram> {
  const project = await requireDiagramsAccess(tx, actor.userId, projectId, 'write');
  if (input.sourceDocumentId) {
    await requireSourceDocument(tx, project.id, input.sourceDocumentId, 'sourceDocumentId');
  }
  const id = newId();
  const [row] = await tx
    .insert(diagrams)
    .values({
      id,
      organizationId: project.organizationId,
      projectId: project.id,
      diagramType: input.type,
      title: input.title,
      description: input.description ?? null,
      mermaidCode: '',
      imageUrl: input.imageUrl ?? null,
      options: input.options ?? {},
      currentRev: 0,
      sourceDocumentId: input.sourceDocumentId ?? null,
      creatorId: actor.userId,
      generationId: input.generationId ?? null,
    })
    .returning();
  if (!row) throw new Error('The diagram was not inserted');
  await insertRevision(tx, actor, row, {
    title: input.title,
    description: input.description ?? null,
    mermaidCode: input.mermaidCode,
    options: input.options ?? {},
    note: input.note ?? null,
    generationId: input.generationId ?? null,
  });
  const created = await reload(tx, id);
  await recordAudit(tx, actor, {
    action: 'diagram_created',
    resourceType: 'diagram',
    resourceId: id,
    organizationId: created.organizationId,
    details: { projectId: created.projectId, type: created.diagramType, title: created.title, ...(input.generationId ? { generationId: input.generationId } : {}) },
  });
  return toDiagram(created);
}


/**
 * PATCH: a new revision when the title, description, code or options change; the image URL is a property of the
 * diagram, not of a revision. baseRev, when given, must be the current revision (409 otherwise).
 */
export async function updateDiagram(tx: Tx, actor: UserActor, projectId: string, diagramId: string, input: UpdateDiagramBody): Promise<Diagram> {
  await requireDiagramsAccess(tx, actor.userId, projectId, 'write');
  await loadDiagram(tx, projectId, diagramId);
  const row = await lockDiagram(tx, diagramId);
  if (input.baseRev !== undefined && input.baseRev !== row.currentRev) throw staleRevision(row, input.baseRev);
  const next: RevisionInput = {
    title: input.title ?? row.title,
    description: input.description === undefined ? row.description : input.description || null,
    mermaidCode: input.mermaidCode ?? row.mermaidCode,
    options: input.options ?? row.options,
    note: input.note ?? null,
  };
  const revised =
    next.title !== row.title ||
    next.description !== row.description ||
    next.mermaidCode !== row.mermaidCode ||
    JSON.stringify(next.options) !== JSON.stringify(row.options);
  const imageChanged = input.imageUrl !== undefined && input.imageUrl !== row.imageUrl;
  if (!revised && !imageChanged) return toDiagram(row);
  if (imageChanged) await tx.update(diagrams).set({ imageUrl: input.imageUrl ?? null }).where(eq(diagrams.id, diagramId));
  const rev = revised ? await insertRevision(tx, actor, row, next) : row.currentRev;
  await recordAudit(tx, actor, {
    action: 'diagram_revised',
    resourceType: 'diagram',
    resourceId: diagramId,
    organizationId: row.organizationId,
    details: {
      projectId,
      rev,
      fromRev: row.currentRev,
      ...(next.title !== row.title ? { title: { from: row.title, to: next.title } } : {}),
      ...(next.mermaidCode !== row.mermaidCode ? { code: true } : {}),
      ...(imageChanged ? { imageUrl: true } : {}),
    },
  });
  return toDiagram(await reload(tx, diagramId));
}

export async function getDiagram(tx: Tx, userId: string, projectId: string, diagramId: string): Promise<Diagram> {
  await requireDiagramsAccess(tx, userId, projectId, 'read');
  return toDiagram(await loadDiagram(tx, projectId, diagramId));
}

/** Newest first, keyset on (created_at, id); optionally one type. */
export async function listDiagrams(tx: Tx, userId: string, projectId: string, query: ListDiagramsQuery): Promise<Page<Diagram>> {
  await requireDiagramsAccess(tx, userId, projectId, 'read');
  const cursor = decodeTimestampCursor(query.cursor);
  const filters: (SQL | undefined)[] = [
    eq(diagrams.projectId, projectId),
    query.type ? eq(diagrams.diagramType, query.type) : undefined,
    cursor ? afterCursor(diagrams.createdAt, diagrams.id, cursor, 'desc') : undefined,
  ];
  const rows = await tx
    .select({ row: diagrams, cursorAt: cursorTimestamp(diagrams.createdAt) })
    .from(diagrams)
    .where(and(...filters))
    .orderBy(desc(diagrams.createdAt), desc(diagrams.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, ({ row }) => toDiagram(row), ({ row, cursorAt }) => ({ sort: cursorAt, id: row.id }));
}

const revisionColumns = {
  rev: diagramRevisions.rev,
  title: diagramRevisions.title,
  description: diagramRevisions.description,
  mermaidCode: diagramRevisions.mermaidCode,
  options: diagramRevisions.options,
  note: diagramRevisions.note,
  createdBy: diagramRevisions.createdBy,
  createdByName: users.name,
  generationId: diagramRevisions.generationId,
  restoredFrom: diagramRevisions.restoredFrom,
  createdAt: diagramRevisions.createdAt,
};

type RevisionRow = Omit<DiagramRevision, 'createdAt'> & { createdAt: Date };
const toRevision = (row: RevisionRow): DiagramRevision => ({ ...row, createdAt: row.createdAt.toISOString() });

export async function listDiagramRevisions(
  tx: Tx,
  userId: string,
  projectId: string,
  diagramId: string,
  query: ListDiagramRevisionsQuery,
): Promise<Page<DiagramRevision>> {
  await requireDiagramsAccess(tx, userId, projectId, 'read');
  await loadDiagram(tx, projectId, diagramId);
  const before = decodeSerialCursor(query.cursor);
  const rows = await tx
    .select(revisionColumns)
    .from(diagramRevisions)
    .leftJoin(users, eq(users.id, diagramRevisions.createdBy))
    .where(and(eq(diagramRevisions.diagramId, diagramId), before !== undefined ? lt(diagramRevisions.rev, before) : undefined))
    .orderBy(desc(diagramRevisions.rev))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toRevision, (row) => ({ sort: String(row.rev), id: String(row.rev) }));
}

async function loadRevision(tx: Tx, diagramId: string, rev: number, currentRev: number): Promise<DiagramRevision> {
  const [row] =
    rev >= 1 && rev <= currentRev
      ? await tx
          .select(revisionColumns)
          .from(diagramRevisions)
          .leftJoin(users, eq(users.id, diagramRevisions.createdBy))
          .where(and(eq(diagramRevisions.diagramId, diagramId), eq(diagramRevisions.rev, rev)))
      : [];
  if (!row) {
    throw new AppError('NOT_FOUND', `Revision ${rev} not found: the diagram has revisions 1 to ${currentRev}`, {
      details: [{ field: 'rev', message: `no revision ${rev}; the latest is ${currentRev}` }],
    });
  }
  return toRevision(row);
}

export async function getDiagramRevision(tx: Tx, userId: string, projectId: string, diagramId: string, rev: number): Promise<DiagramRevision> {
  await requireDiagramsAccess(tx, userId, projectId, 'read');
  const row = await loadDiagram(tx, projectId, diagramId);
  return loadRevision(tx, diagramId, rev, row.currentRev);
}

/** A new revision with an old one's title, description, code and options; history is never rewritten. */
export async function restoreDiagramRevision(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  diagramId: string,
  input: RestoreDiagramBody,
): Promise<Diagram> {
  await requireDiagramsAccess(tx, actor.userId, projectId, 'write');
  await loadDiagram(tx, projectId, diagramId);
  const row = await lockDiagram(tx, diagramId);
  if (input.baseRev !== undefined && input.baseRev !== row.currentRev) throw staleRevision(row, input.baseRev);
  const old = await loadRevision(tx, diagramId, input.rev, row.currentRev);
  const rev = await insertRevision(tx, actor, row, {
    title: old.title,
    description: old.description,
    mermaidCode: old.mermaidCode,
    options: old.options,
    note: input.note ?? `Restored revision ${old.rev}`,
    restoredFrom: old.rev,
  });
  await recordAudit(tx, actor, {
    action: 'diagram_restored',
    resourceType: 'diagram',
    resourceId: diagramId,
    organizationId: row.organizationId,
    details: { projectId, rev, fromRev: row.currentRev, restoredFrom: old.rev },
  });
  return toDiagram(await reload(tx, diagramId));
}

export async function deleteDiagram(tx: Tx, actor: UserActor, projectId: string, diagramId: string): Promise<void> {
  await requireDiagramsAccess(tx, actor.userId, projectId, 'write');
  const row = await loadDiagram(tx, projectId, diagramId);
  await tx.delete(diagrams).where(eq(diagrams.id, diagramId));
  await recordAudit(tx, actor, {
    action: 'diagram_deleted',
    resourceType: 'diagram',
    resourceId: diagramId,
    organizationId: row.organizationId,
    details: { projectId, type: row.diagramType, title: row.title, revisions: row.currentRev },
  });
}

/** A file name for the .mmd download: the title in lower-case words joined by hyphens. */
export function mmdFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${base || 'diagram'}.mmd`;
}
