import type { Tx } from '../../core/db/database.js';

/** One revision of a document, as the search index receives it. */
export type RevisionToIndex = {
  documentId: string;
  organizationId: string;
  projectId: string;
  rev: number;
  title: string;
  markdown: string;
};

/**
 * Splits a new revision into sections by its headings and stores them (with embeddings) for search, in the caller's
 * transaction, so a revision and its sections commit together.
 */
export async function indexRevisionSections(_tx: Tx, _revision: RevisionToIndex): Promise<void> {
  // Filled in by the search module.
}
