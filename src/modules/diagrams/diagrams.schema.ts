import { diagramTypes, type DiagramType } from '../../shared/workspace-kinds.js';
import { customType, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Drizzle definitions of the diagram tables of migrations/0004_workspace.up.sql (the SQL is the source of truth;
 * test/schema-drift.test.ts compares the two).
 */
const app = pgSchema('app');

export { diagramTypes, type DiagramType };

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const diagrams = app.table('diagrams', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  diagramType: text('diagram_type', { enum: diagramTypes }).notNull(),
  title: text('title').notNull(),
  description: text('description'),
  mermaidCode: text('mermaid_code').notNull().default(''),
  imageUrl: text('image_url'),
  options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
  currentRev: integer('current_rev').notNull().default(0),
  sourceDocumentId: uuid('source_document_id'),
  creatorId: uuid('creator_id'),
  generationId: uuid('generation_id'),
  searchVector: tsvector('search_vector').generatedAlwaysAs(
    "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || " +
      "setweight(to_tsvector('english', mermaid_code), 'C')",
  ),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const diagramRevisions = app.table('diagram_revisions', {
  diagramId: uuid('diagram_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  // Assigned by the database (trigger); inserts pass 0.
  rev: integer('rev').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  mermaidCode: text('mermaid_code').notNull(),
  options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
  createdBy: uuid('created_by'),
  generationId: uuid('generation_id'),
  note: text('note'),
  restoredFrom: integer('restored_from'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.diagramId, t.rev] })]);
