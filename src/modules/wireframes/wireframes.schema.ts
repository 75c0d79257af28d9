import { wireframeTemplates, type WireframeTemplate } from '../../shared/workspace-kinds.js';
import { customType, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Drizzle definition of the wireframes table of migrations/0004_workspace.up.sql (the SQL is the source of truth;
 * test/schema-drift.test.ts compares the two).
 */
const app = pgSchema('app');

export { wireframeTemplates, type WireframeTemplate };

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const wireframes = app.table('wireframes', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  htmlContent: text('html_content').notNull(),
  cssContent: text('css_content'),
  templateType: text('template_type', { enum: wireframeTemplates }),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  sourceDocumentId: uuid('source_document_id'),
  creatorId: uuid('creator_id'),
  generationId: uuid('generation_id'),
  searchVector: tsvector('search_vector').generatedAlwaysAs(
    "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || " +
      "setweight(to_tsvector('english', regexp_replace(html_content, '<[^>]*>', ' ', 'g')), 'C')",
  ),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
