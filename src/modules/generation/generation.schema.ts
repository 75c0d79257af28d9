import { boolean, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appSchema } from '../../core/db/platform.schema.js';

/**
 * Drizzle definition of app.project_clarifications (migrations/0003_documents.up.sql is the source of truth;
 * test/schema-drift.test.ts compares the two): the idea pipeline's clarifying questions and their answers.
 */
export const projectClarifications = appSchema.table('project_clarifications', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  position: integer('position').notNull(),
  question: text('question').notNull(),
  why: text('why'),
  answer: text('answer'),
  skipped: boolean('skipped').notNull().default(false),
  answeredBy: uuid('answered_by'),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  generationId: uuid('generation_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
