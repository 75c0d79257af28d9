import { and, desc, eq, getTableColumns, ne, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { isUniqueViolation } from '../../core/db/postgres-error.js';
import { AppError, notFound } from '../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import { forbidden, roleAtLeast, type UserActor } from '../organizations/index.js';
import { requireProjectAccess, type requireProjectRole, type ProjectRow } from '../projects/index.js';
import { indexRevisionSections } from '../search/index.js';
import type { Document, DocumentListItem, ListDocumentsQuery, UpdateDocumentBody } from './documents.contract.js';
import { documentRevisions, documents, type DocumentStatus, type DocumentType } from './documents.schema.js';
import { firstFreeSlug, slugify } from './slug.js';

export type DocumentRow = typeof documents.$inferSelect;

const SLUG_CONSTRAINT = 'documents_project_slug_key';

export function toDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    organizationId: row.organizationId,
    projectId: row.projectId,
    type: row.type,
    status: row.status,
    title: row.title,
    slug: row.slug,
    contentMarkdown: row.contentMarkdown,
    metadata: row.metadata,
    version: row.version,
    isLocked: row.isLocked,
    currentRev: row.currentRev,
    creatorId: row.creatorId,
    generationId: row.generationId,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type CreateDocumentInput = {
  type: DocumentType;
  title: string;
  /** Derived from the title when absent; an explicit slug that is taken is a 409 naming `slug`. */
  slug?: string;
  contentMarkdown: string;
  metadata?: Record<string, unknown>;
  /** `generated` for AI output; `draft` by default. */
  status?: 'draft' | 'generated';
  /** The project version the document belongs to; the project's current version by default. */
  version?: number;
  /** The structured form a generator produced, kept with revision 1. */
  content?: unknown;
  /** The ai_generations row that produced revision 1. */
  generationId?: string | null;
  note?: string | null;
};

export type AppendRevisionInput = {
  /** The revision the change started from; when given and no longer the latest, 409 CONFLICT. */
  baseRev?: number;
  /** The document's title as of this revision; unchanged when absent. */
  title?: string;
  contentMarkdown: string;
  content?: unknown;
  generationId?: string | null;
  note?: string | null;
  /** Sets the document's status along with the revision (e.g. `generated` for AI output). */
  status?: DocumentStatus;
  /** Replaces the document's metadata along with the revision (e.g. a generator's citations). */
  metadata?: Record<string, unknown>;
};

/** A revision inserted by restore: as AppendRevisionInput, with the revision it was restored from. */
export type RevisionToInsert = AppendRevisionInput & { restoredFrom?: number | null };

const PROJECT_DELETED_MESSAGE = 'The project is deleted; restore it before changing its documents';

function projectIsDeleted(): AppError {
  return new AppError('CONFLICT', PROJECT_DELETED_MESSAGE);
}

/** The caller's project, for writing (editors and up, not deleted) or reading (members). */
export async function requireDocumentsAccess(
  tx: Tx,
  userId: string,
  projectId: string,
  access: 'read' | 'write',
): Promise<{ project: ProjectRow; role: Awaited<ReturnType<typeof requireProjectRole>>['role'] }> {
  return requireProjectAccess(tx, userId, projectId, access, PROJECT_DELETED_MESSAGE);
}

/** A document of the project, or 404 (missing, malformed, another project's or another tenant's). */
export async function loadDocument(tx: Tx, projectId: string, documentId: string): Promise<DocumentRow> {
  if (!isUuid(documentId)) throw notFound('Document');
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId)));
  if (!row) throw notFound('Document');
  return row;
}

async function reloadDocument(tx: Tx, documentId: string): Promise<DocumentRow> {
  const [row] = await tx.select().from(documents).where(eq(documents.id, documentId));
  if (!row) throw notFound('Document');
  return row;
}

/** Takes the document's row lock: concurrent writers of one document queue here and see each other's revisions. */
async function lockDocumentRow(tx: Tx, documentId: string): Promise<DocumentRow> {
  const [row] = await tx.select().from(documents).where(eq(documents.id, documentId)).for('update');
  if (!row) throw notFound('Document');
  return row;
}

export function documentLocked(row: DocumentRow): AppError {
  return new AppError('LOCKED', `The document "${row.title}" is locked; unlock it before changing it`, {
    details: { documentId: row.id },
  });
}

/** 409 for an edit that started from an older revision: carries the current document so the client loses nothing. */
export function staleRevision(row: DocumentRow, baseRev: number): AppError {
  return new AppError(
    'CONFLICT',
    `The document changed since revision ${baseRev}: it is at revision ${row.currentRev}. Merge your change into the current text and send it with baseRev ${row.currentRev}`,
    { details: { field: 'baseRev', baseRev, currentRev: row.currentRev, document: toDocument(row) } },
  );
}

/** Refusals common to every change of a locked row: locked (423), then stale (409). */
function checkWritable(row: DocumentRow, baseRev: number | undefined): void {
  if (row.isLocked) throw documentLocked(row);
  if (baseRev !== undefined && baseRev !== row.currentRev) throw staleRevision(row, baseRev);
}

/**
 * Appends one revision to a locked document row (the trigger numbers it and copies it into the document), and
 * indexes its sections in the same transaction. Returns the revision number.
 */
async function insertRevision(tx: Tx, actor: UserActor, row: DocumentRow, input: RevisionToInsert): Promise<number> {
  const title = input.title ?? row.title;
  const [inserted] = await tx
    .insert(documentRevisions)
    .values({
      documentId: row.id,
      organizationId: row.organizationId,
      projectId: row.projectId,
      rev: 0,
      title,
      contentMarkdown: input.contentMarkdown,
      content: input.content ?? null,
      createdBy: actor.userId,
      generationId: input.generationId ?? null,
      note: input.note ?? null,
      restoredFrom: input.restoredFrom ?? null,
    })
    .returning({ rev: documentRevisions.rev });
  if (!inserted) throw new Error('The revision was not inserted');
  await indexRevisionSections(tx, {
    documentId: row.id,
    organizationId: row.organizationId,
    projectId: row.projectId,
    rev: inserted.rev,
    title,
    markdown: input.contentMarkdown,
  });
  return inserted.rev;
}

/** The candidates base, base-2, … already used in the project. */
async function takenSlugs(tx: Tx, projectId: string, base: string): Promise<string[]> {
  const pattern = `${base.replace(/[\\%_]/g, (m) => `\\${m}`)}-%`;
  const rows = await tx
    .select({ slug: documents.slug })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), sql`(${documents.slug} = ${base} OR ${documents.slug} LIKE ${pattern})`));
  return rows.map((r) => r.slug);
}

function slugTaken(slug: string): AppError {
  return new AppError('CONFLICT', `The slug ${slug} is already used by another document of this project`, {
    details: [{ field: 'slug', message: 'is already used in this project', in: 'body' }],
  });
}

/**
 * Creates a document and its revision 1 (editors and up). The row starts at current_rev 0; the revision trigger
 * numbers revision 1 and copies its title and text into the row. Slugs are unique per project.
 */
export async function createDocument(tx: Tx, actor: UserActor, projectId: string, input: CreateDocumentInput): Promise<Document> {
  const { project } = await requireDocumentsAccess(tx, actor.userId, projectId, 'write');
  const id = newId();
  const base = input.slug ?? slugify(input.title, input.type.replaceAll('_', '-'));
  const values = {
    id,
    organizationId: project.organizationId,
    projectId: project.id,
    type: input.type,
    status: input.status ?? 'draft',
    title: input.title,
    contentMarkdown: '',
    metadata: input.metadata ?? {},
    version: input.version ?? project.currentVersion,
    creatorId: actor.userId,
    currentRev: 0,
  } satisfies Omit<typeof documents.$inferInsert, 'slug'>;
  let row: DocumentRow | undefined;
  // A derived slug that a concurrent request takes first is derived again; an explicit slug is the caller's choice.
  for (let attempt = 0; attempt < 5 && !row; attempt++) {
    const slug = input.slug ?? firstFreeSlug(base, await takenSlugs(tx, project.id, base));
    try {
      row = await tx.transaction(async (sp) => {
        const [inserted] = await sp.insert(documents).values({ ...values, slug }).returning();
        return inserted;
      });
    } catch (error) {
      if (!isUniqueViolation(error, SLUG_CONSTRAINT)) throw error;
      if (input.slug) throw slugTaken(input.slug);
    }
  }
  if (!row) throw new AppError('CONFLICT', `Could not find a free slug for "${input.title}"; pass one explicitly`);
  await insertRevision(tx, actor, row, {
    contentMarkdown: input.contentMarkdown,
    content: input.content,
    generationId: input.generationId ?? null,
    note: input.note ?? null,
  });
  const created = await reloadDocument(tx, id);
  await recordAudit(tx, actor, {
    action: 'document_created',
    resourceType: 'document',
    resourceId: id,
    organizationId: created.organizationId,
    details: {
      projectId: created.projectId,
      type: created.type,
      title: created.title,
      slug: created.slug,
      ...(input.generationId ? { generationId: input.generationId } : {}),
    },
  });
  return toDocument(created);
}

/**
 * Appends a revision (editors and up): takes the document's row lock, refuses a locked document (423) and, when
 * baseRev is given, a stale one (409 CONFLICT whose details carry currentRev and the current document). Returns
 * the document as it is after the revision.
 */
export async function appendRevision(tx: Tx, actor: UserActor, documentId: string, input: AppendRevisionInput): Promise<Document> {
  if (!isUuid(documentId)) throw notFound('Document');
  const [visible] = await tx.select({ projectId: documents.projectId }).from(documents).where(eq(documents.id, documentId));
  if (!visible) throw notFound('Document');
  await requireDocumentsAccess(tx, actor.userId, visible.projectId, 'write');
  const { metadata, ...revision } = input;
  return toDocument(await reviseLocked(tx, actor, documentId, revision, 'document_revised', metadata));
}

/** The body of appendRevision and restore, after the access check. */
export async function reviseLocked(
  tx: Tx,
  actor: UserActor,
  documentId: string,
  input: RevisionToInsert,
  action: 'document_revised' | 'document_restored',
  metadata?: Record<string, unknown>,
): Promise<DocumentRow> {
  const row = await lockDocumentRow(tx, documentId);
  checkWritable(row, input.baseRev);
  const changes: Partial<Pick<DocumentRow, 'status' | 'metadata'>> & { publishedAt?: SQL } = {};
  if (input.status && input.status !== row.status) {
    changes.status = input.status;
    if (input.status === 'published' && !row.publishedAt) changes.publishedAt = sql`now()`;
  }
  if (metadata) changes.metadata = metadata;
  if (Object.keys(changes).length > 0) await tx.update(documents).set(changes).where(eq(documents.id, documentId));
  const rev = await insertRevision(tx, actor, row, input);
  await recordAudit(tx, actor, {
    action,
    resourceType: 'document',
    resourceId: documentId,
    organizationId: row.organizationId,
    details: {
      projectId: row.projectId,
      rev,
      fromRev: row.currentRev,
      ...(input.restoredFrom ? { restoredFrom: input.restoredFrom } : {}),
      ...(input.title !== undefined && input.title !== row.title ? { title: { from: row.title, to: input.title } } : {}),
      ...(input.generationId ? { generationId: input.generationId } : {}),
      ...(changes.status ? { status: { from: row.status, to: changes.status } } : {}),
      ...(metadata ? { metadata: true } : {}),
    },
  });
  return reloadDocument(tx, documentId);
}

/**
 * PATCH /documents/{id}: a new revision when the title or the text changes; a change of metadata alone updates the
 * document without one. baseRev is checked either way.
 */
export async function updateDocument(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  documentId: string,
  input: UpdateDocumentBody,
): Promise<Document> {
  await requireDocumentsAccess(tx, actor.userId, projectId, 'write');
  await loadDocument(tx, projectId, documentId);
  const row = await lockDocumentRow(tx, documentId);
  checkWritable(row, input.baseRev);
  const titleChanged = input.title !== undefined && input.title !== row.title;
  const textChanged = input.contentMarkdown !== undefined && input.contentMarkdown !== row.contentMarkdown;
  const metadataChanged = input.metadata !== undefined && JSON.stringify(input.metadata) !== JSON.stringify(row.metadata);
  if (titleChanged || textChanged) {
    const revised = await reviseLocked(
      tx,
      actor,
      documentId,
      { title: input.title, contentMarkdown: input.contentMarkdown ?? row.contentMarkdown, note: input.note ?? null },
      'document_revised',
      metadataChanged ? input.metadata : undefined,
    );
    return toDocument(revised);
  }
  if (!metadataChanged) return toDocument(row);
  const [updated] = await tx.update(documents).set({ metadata: input.metadata }).where(eq(documents.id, documentId)).returning();
  if (!updated) throw notFound('Document');
  await recordAudit(tx, actor, {
    action: 'document_updated',
    resourceType: 'document',
    resourceId: documentId,
    organizationId: row.organizationId,
    details: { projectId, fields: ['metadata'] },
  });
  return toDocument(updated);
}

/** Status changes (publish, archive): editors; a locked document refuses them (423). Repeating one changes nothing. */
async function changeStatus(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  documentId: string,
  status: 'published' | 'archived',
): Promise<Document> {
  await requireDocumentsAccess(tx, actor.userId, projectId, 'write');
  await loadDocument(tx, projectId, documentId);
  const row = await lockDocumentRow(tx, documentId);
  if (row.isLocked) throw documentLocked(row);
  if (row.status === status) return toDocument(row);
  const [updated] = await tx
    .update(documents)
    .set(status === 'published' ? { status, publishedAt: sql`now()` } : { status })
    .where(eq(documents.id, documentId))
    .returning();
  if (!updated) throw notFound('Document');
  await recordAudit(tx, actor, {
    action: status === 'published' ? 'document_published' : 'document_archived',
    resourceType: 'document',
    resourceId: documentId,
    organizationId: row.organizationId,
    details: { projectId, rev: row.currentRev, title: row.title, status: { from: row.status, to: status } },
  });
  return toDocument(updated);
}

export function publishDocument(tx: Tx, actor: UserActor, projectId: string, documentId: string): Promise<Document> {
  return changeStatus(tx, actor, projectId, documentId, 'published');
}

export function archiveDocument(tx: Tx, actor: UserActor, projectId: string, documentId: string): Promise<Document> {
  return changeStatus(tx, actor, projectId, documentId, 'archived');
}

/** Locking and unlocking: admins and owners of the organization, or the document's creator while still an editor. */
export async function setDocumentLock(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  documentId: string,
  locked: boolean,
): Promise<Document> {
  const { role, project } = await requireDocumentsAccess(tx, actor.userId, projectId, 'read');
  const current = await loadDocument(tx, projectId, documentId);
  const allowed = roleAtLeast(role, 'admin') || (current.creatorId === actor.userId && roleAtLeast(role, 'editor'));
  if (!allowed) throw forbidden('Only an admin or owner of the organization, or the document’s creator, can lock or unlock it');
  if (project.status === 'deleted') throw projectIsDeleted();
  const row = await lockDocumentRow(tx, documentId);
  if (row.isLocked === locked) return toDocument(row);
  const [updated] = await tx.update(documents).set({ isLocked: locked }).where(eq(documents.id, documentId)).returning();
  if (!updated) throw notFound('Document');
  await recordAudit(tx, actor, {
    action: locked ? 'document_locked' : 'document_unlocked',
    resourceType: 'document',
    resourceId: documentId,
    organizationId: row.organizationId,
    details: { projectId, rev: row.currentRev, title: row.title },
  });
  return toDocument(updated);
}

/** The start of a Markdown text as plain words, for lists; a leading heading that repeats the title is left out. */
export function excerptOf(markdown: string, title: string, length = 200): string {
  const firstLine = /^\s*#{1,6}\s+(.*)\n?/.exec(markdown);
  const body = firstLine && firstLine[1]!.trim() === title.trim() ? markdown.slice(firstLine[0].length) : markdown;
  const text = body
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, ' ')
    .replace(/[|*_`~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** GET /documents: newest first, keyset on (created_at, id); items carry an excerpt instead of the text. */
export async function listDocuments(tx: Tx, userId: string, projectId: string, query: ListDocumentsQuery): Promise<Page<DocumentListItem>> {
  await requireDocumentsAccess(tx, userId, projectId, 'read');
  const cursor = decodeTimestampCursor(query.cursor);
  const filters: (SQL | undefined)[] = [
    eq(documents.projectId, projectId),
    query.type ? eq(documents.type, query.type) : undefined,
    query.status ? eq(documents.status, query.status) : undefined,
    cursor ? afterCursor(documents.createdAt, documents.id, cursor, 'desc') : undefined,
  ];
  const { contentMarkdown: _omitted, ...columns } = getTableColumns(documents);
  const rows = await tx
    .select({
      ...columns,
      head: sql<string>`left(${documents.contentMarkdown}, 1000)`,
      cursorAt: cursorTimestamp(documents.createdAt),
    })
    .from(documents)
    .where(and(...filters))
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    ({ head, cursorAt: _cursorAt, ...row }) => {
      const { contentMarkdown: _none, ...item } = toDocument({ ...row, contentMarkdown: '' });
      return { ...item, excerpt: excerptOf(head, row.title) };
    },
    (row) => ({ sort: row.cursorAt, id: row.id }),
  );
}

/**
 * The newest document of a type in a project that is not archived (for generators deciding between a new document
 * and a new revision), or null. Runs in the caller's transaction under its row level security; no role check.
 */
export async function findLatestDocument(tx: Tx, projectId: string, type: DocumentType): Promise<Document | null> {
  if (!isUuid(projectId)) return null;
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.projectId, projectId), eq(documents.type, type), ne(documents.status, 'archived')))
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(1);
  return row ? toDocument(row) : null;
}
