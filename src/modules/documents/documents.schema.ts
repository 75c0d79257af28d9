import { documentStatuses, documentTypes, type DocumentStatus, type DocumentType } from '../../shared/document-kinds.js';
import { boolean, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Drizzle definitions of the document tables of migrations/0003_documents.up.sql (the SQL is the source of truth;
 * test/schema-drift.test.ts compares the two). The same migration's document_sections is the search module's
 * (search.schema.ts) and project_clarifications the generation module's (generation.schema.ts).
 */
const app = pgSchema('app');

export { documentStatuses, documentTypes, type DocumentStatus, type DocumentType };

export const projectVersions = app.table('project_versions', {
  projectId: uuid('project_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  version: integer('version').notNull(),
  changeNote: text('change_note'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.projectId, t.version] })]);

export const documents = app.table('documents', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  type: text('type', { enum: documentTypes }).notNull(),
  status: text('status', { enum: documentStatuses }).notNull().default('draft'),
  title: text('title').notNull(),
  slug: text('slug').notNull(),
  contentMarkdown: text('content_markdown').notNull().default(''),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  isLocked: boolean('is_locked').notNull().default(false),
  currentRev: integer('current_rev').notNull().default(0),
  creatorId: uuid('creator_id'),
  generationId: uuid('generation_id'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const documentRevisions = app.table('document_revisions', {
  documentId: uuid('document_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  // Assigned by the database (trigger); inserts pass 0.
  rev: integer('rev').notNull(),
  title: text('title').notNull(),
  contentMarkdown: text('content_markdown').notNull(),
  content: jsonb('content').$type<unknown>(),
  createdBy: uuid('created_by'),
  generationId: uuid('generation_id'),
  note: text('note'),
  restoredFrom: integer('restored_from'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.documentId, t.rev] })]);
