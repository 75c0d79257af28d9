import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { documents, type DocumentType } from './documents.schema.js';
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
