import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { splitMarkdownSections, type MarkdownSection } from '../../shared/markdown-sections.js';
import { EMBEDDING_MODEL, embedSection } from './embeddings.js';
import { documentSections } from './search.schema.js';

/** One revision of a document, as the search index receives it. */
export type RevisionToIndex = {
  documentId: string;
  organizationId: string;
  projectId: string;
  rev: number;
  title: string;
  markdown: string;
};

/** Rows per INSERT: 11 parameters a row stays far below PostgreSQL's 65,535 parameters of one statement. */
const ROWS_PER_INSERT = 1000;

/** The rows `indexRevisionSections` stores for a revision (exported for bulk loaders such as the benchmark). */
export function sectionRowsOf(revision: RevisionToIndex): Array<typeof documentSections.$inferInsert> {
  return splitMarkdownSections(revision.markdown).map((section) => ({
    documentId: revision.documentId,
    organizationId: revision.organizationId,
    projectId: revision.projectId,
    rev: revision.rev,
    blockId: section.blockId,
    position: section.position,
    heading: section.heading,
    bodyMd: section.bodyMd,
    embedding: embedSection(section.heading, section.bodyMd),
    embeddingModel: EMBEDDING_MODEL,
  }));
}

/**
 * Splits a new revision into sections by its headings and stores them (with embeddings) for search, in the caller's
 * transaction, so a revision and its sections commit together. Row level security lets editors of the document's
 * organization insert them. A revision is indexed once: its sections never change, like the revision itself.
 */
export async function indexRevisionSections(tx: Tx, revision: RevisionToIndex): Promise<void> {
  const rows = sectionRowsOf(revision);
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await tx.insert(documentSections).values(rows.slice(start, start + ROWS_PER_INSERT));
  }
}

/** The sections stored for one revision, in document order; none when it was never indexed. */
export async function indexedSections(tx: Tx, documentId: string, rev: number): Promise<Array<Omit<MarkdownSection, 'level'>>> {
  return tx
    .select({ blockId: documentSections.blockId, position: documentSections.position, heading: documentSections.heading, bodyMd: documentSections.bodyMd })
    .from(documentSections)
    .where(and(eq(documentSections.documentId, documentId), eq(documentSections.rev, rev)))
    .orderBy(asc(documentSections.position));
}
