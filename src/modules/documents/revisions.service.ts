import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { users } from '../../core/db/platform.schema.js';
import { AppError } from '../../core/errors.js';
import { decodeSerialCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import type { UserActor } from '../organizations/index.js';
import { diffMarkdown } from './diff.js';
import type {
  DiffQuery,
  Document,
  DocumentAtRevision,
  DocumentDiff,
  ListRevisionsQuery,
  RestoreDocumentBody,
  RevisionSummary,
} from './documents.contract.js';
import { documentRevisions } from './documents.schema.js';
import { loadDocument, requireDocumentsAccess, reviseLocked, toDocument } from './documents.service.js';

const summaryColumns = {
  rev: documentRevisions.rev,
  title: documentRevisions.title,
  note: documentRevisions.note,
  createdBy: documentRevisions.createdBy,
  createdByName: users.name,
  generationId: documentRevisions.generationId,
  restoredFrom: documentRevisions.restoredFrom,
  createdAt: documentRevisions.createdAt,
  size: sql<number>`octet_length(${documentRevisions.contentMarkdown})::int`,
};

type SummaryRow = {
  rev: number;
  title: string;
  note: string | null;
  createdBy: string | null;
  createdByName: string | null;
  generationId: string | null;
  restoredFrom: number | null;
  createdAt: Date;
  size: number;
};

function toRevisionSummary(row: SummaryRow): RevisionSummary {
  return { ...row, size: Number(row.size), createdAt: row.createdAt.toISOString() };
}

function revisionNotFound(field: string, rev: number, currentRev: number): AppError {
  return new AppError('NOT_FOUND', `Revision ${rev} not found: the document has revisions 1 to ${currentRev}`, {
    details: [{ field, message: `no revision ${rev}; the latest is ${currentRev}` }],
  });
}

/** One revision with its content; revision numbers run 1..current_rev, so the range check answers "missing". */
async function loadRevision(tx: Tx, documentId: string, rev: number, field: string, currentRev: number) {
  const [row] =
    rev >= 1 && rev <= currentRev
      ? await tx
          .select({ ...summaryColumns, contentMarkdown: documentRevisions.contentMarkdown, content: documentRevisions.content })
          .from(documentRevisions)
          .leftJoin(users, eq(users.id, documentRevisions.createdBy))
          .where(and(eq(documentRevisions.documentId, documentId), eq(documentRevisions.rev, rev)))
      : [];
  if (!row) throw revisionNotFound(field, rev, currentRev);
  return row;
}

/** GET /documents/{id}: the latest revision, or `rev`. Title and text are the revision's; the rest is the document's. */
export async function getDocument(
  tx: Tx,
  userId: string,
  projectId: string,
  documentId: string,
  rev?: number,
): Promise<DocumentAtRevision> {
  await requireDocumentsAccess(tx, userId, projectId, 'read');
  const row = await loadDocument(tx, projectId, documentId);
  const revision = await loadRevision(tx, documentId, rev ?? row.currentRev, 'rev', row.currentRev);
  const { contentMarkdown, content, ...summary } = revision;
  return {
    ...toDocument(row),
    title: revision.title,
    contentMarkdown,
    rev: revision.rev,
    content: content ?? null,
    revision: toRevisionSummary(summary),
  };
}

/** GET /documents/{id}/revisions: newest first, keyset on the revision number; no content, its size. */
export async function listRevisions(
  tx: Tx,
  userId: string,
  projectId: string,
  documentId: string,
  query: ListRevisionsQuery,
): Promise<Page<RevisionSummary>> {
  await requireDocumentsAccess(tx, userId, projectId, 'read');
  await loadDocument(tx, projectId, documentId);
  const before = decodeSerialCursor(query.cursor);
  const filters: (SQL | undefined)[] = [
    eq(documentRevisions.documentId, documentId),
    before !== undefined ? lt(documentRevisions.rev, before) : undefined,
  ];
  const rows = await tx
    .select(summaryColumns)
    .from(documentRevisions)
    .leftJoin(users, eq(users.id, documentRevisions.createdBy))
    .where(and(...filters))
    .orderBy(desc(documentRevisions.rev))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toRevisionSummary, (row) => ({ sort: String(row.rev), id: String(row.rev) }));
}

/** GET /documents/{id}/diff: a unified diff of the Markdown from one revision to another (any order). */
export async function diffRevisions(
  tx: Tx,
  userId: string,
  projectId: string,
  documentId: string,
  query: DiffQuery,
): Promise<DocumentDiff> {
  await requireDocumentsAccess(tx, userId, projectId, 'read');
  const row = await loadDocument(tx, projectId, documentId);
  const to = query.to ?? row.currentRev;
  const from = query.from ?? Math.max(1, to - 1);
  for (const [field, rev] of [['from', from], ['to', to]] as const) {
    if (rev > row.currentRev) throw revisionNotFound(field, rev, row.currentRev);
  }
  const revisions = await tx
    .select({ rev: documentRevisions.rev, contentMarkdown: documentRevisions.contentMarkdown })
    .from(documentRevisions)
    .where(and(eq(documentRevisions.documentId, documentId), inArray(documentRevisions.rev, [from, to])));
  const textOf = (field: 'from' | 'to', rev: number) => {
    const found = revisions.find((r) => r.rev === rev);
    if (!found) throw revisionNotFound(field, rev, row.currentRev);
    return found.contentMarkdown;
  };
  const diff = diffMarkdown(textOf('from', from), textOf('to', to), {
    from: `${row.slug}.md (rev ${from})`,
    to: `${row.slug}.md (rev ${to})`,
  });
  return { from, to, ...diff };
}

/**
 * POST /documents/{id}/restore: a NEW revision with an old revision's title, text and structured content, marked
 * as restored from it. History is never rewritten.
 */
export async function restoreRevision(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  documentId: string,
  input: RestoreDocumentBody,
): Promise<Document> {
  await requireDocumentsAccess(tx, actor.userId, projectId, 'write');
  const row = await loadDocument(tx, projectId, documentId);
  const old = await loadRevision(tx, documentId, input.rev, 'rev', row.currentRev);
  const restored = await reviseLocked(
    tx,
    actor,
    documentId,
    {
      ...(input.baseRev === undefined ? {} : { baseRev: input.baseRev }),
      title: old.title,
      contentMarkdown: old.contentMarkdown,
      content: old.content,
      note: input.note ?? `Restored revision ${old.rev}`,
      restoredFrom: old.rev,
    },
    'document_restored',
  );
  return toDocument(restored);
}

/** GET /documents/{id}/export: the Markdown of the latest revision (or `rev`) and a file name for it. */
export async function exportDocument(
  tx: Tx,
  userId: string,
  projectId: string,
  documentId: string,
  rev?: number,
): Promise<{ fileName: string; markdown: string }> {
  const document = await getDocument(tx, userId, projectId, documentId, rev);
  const suffix = rev !== undefined && rev !== document.currentRev ? `-rev-${rev}` : '';
  return { fileName: `${document.slug}${suffix}.md`, markdown: document.contentMarkdown };
}
