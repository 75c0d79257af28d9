import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { documentRevisions, documents, type DocumentType } from './documents.schema.js';
import type { DocumentRow } from './documents.service.js';

/** A document of the project something is drawn from; a 400 naming `field` otherwise, so the form can say which. */
export async function requireSourceDocument(
  tx: Tx,
  projectId: string,
  documentId: string,
  field: string,
): Promise<{ id: string; title: string; contentMarkdown: string }> {
  const [row] = isUuid(documentId)
    ? await tx
        .select({ id: documents.id, title: documents.title, contentMarkdown: documents.contentMarkdown })
        .from(documents)
        .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId)))
    : [];
  if (!row) {
    throw new AppError('VALIDATION_FAILED', `Invalid body: ${field}: is not a document of this project`, {
      details: [{ field, message: 'is not a document of this project', in: 'body' }],
    });
  }
  return row;
}

/**
 * A document of the project with the structured form its generator produced: that of the newest revision carrying one
 * (a revision written by hand has none), or null when no revision does. A 400 naming `field` when the document is not
 * the project's.
 */
export async function requireGeneratedContent(
  tx: Tx,
  projectId: string,
  documentId: string,
  field: string,
): Promise<{ id: string; type: DocumentType; title: string; generated: { rev: number; content: unknown; generationId: string | null } | null }> {
  const document = await requireSourceDocument(tx, projectId, documentId, field);
  const [type] = await tx.select({ type: documents.type }).from(documents).where(eq(documents.id, document.id));
  const [revision] = await tx
    .select({ rev: documentRevisions.rev, content: documentRevisions.content, generationId: documentRevisions.generationId })
    .from(documentRevisions)
    .where(and(eq(documentRevisions.documentId, document.id), isNotNull(documentRevisions.content), sql`jsonb_typeof(${documentRevisions.content}) <> 'null'`))
    .orderBy(desc(documentRevisions.rev))
    .limit(1);
  return { id: document.id, type: type!.type, title: document.title, generated: revision ?? null };
}

/**
 * The newest non-archived document with text of each of `types` that the project has, in the order of `types`
 * (the caller's preference): a type without such a document is left out.
 */
export async function latestDocumentOfTypes(tx: Tx, projectId: string, types: readonly DocumentType[]): Promise<DocumentRow[]> {
  if (!types.length) return [];
  const rows = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.projectId, projectId), inArray(documents.type, [...types]), ne(documents.status, 'archived')))
    .orderBy(desc(documents.createdAt), desc(documents.id));
  const latest = new Map<DocumentType, DocumentRow>();
  for (const row of rows) if (!latest.has(row.type) && row.contentMarkdown.trim() !== '') latest.set(row.type, row);
  return types.map((type) => latest.get(type)).filter((row): row is DocumentRow => row !== undefined);
}
