import { customType, integer, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { appSchema } from '../../core/db/platform.schema.js';

/**
 * Drizzle definition of app.document_sections (migrations/0003_documents.up.sql is the source of truth;
 * test/schema-drift.test.ts compares the two): the search index of every document revision, owned by this module.
 */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const documentSections = appSchema.table('document_sections', {
  documentId: uuid('document_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  rev: integer('rev').notNull(),
  blockId: text('block_id').notNull(),
  position: integer('position').notNull(),
  heading: text('heading'),
  bodyMd: text('body_md').notNull(),
  searchVector: tsvector('search_vector').generatedAlwaysAs(
    "setweight(to_tsvector('english', coalesce(heading, '')), 'A') || setweight(to_tsvector('english', body_md), 'B')",
  ),
  embedding: real('embedding').array(),
  embeddingModel: text('embedding_model'),
}, (t) => [primaryKey({ columns: [t.documentId, t.rev, t.blockId] })]);
