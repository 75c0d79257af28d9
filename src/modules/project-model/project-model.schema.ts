import { integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle definitions of migrations/0005_project_model.up.sql (the SQL is the source of truth). */
const app = pgSchema('app');

export const projectModels = app.table('project_models', {
  projectId: uuid('project_id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  currentRev: integer('current_rev').notNull().default(0),
  model: jsonb('model').$type<unknown>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const projectModelRevisions = app.table('project_model_revisions', {
  projectId: uuid('project_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  // Assigned by the database (trigger); inserts pass 0.
  rev: integer('rev').notNull(),
  model: jsonb('model').$type<unknown>().notNull(),
  version: integer('version'),
  note: text('note'),
  createdBy: uuid('created_by'),
  generationId: uuid('generation_id'),
  restoredFrom: integer('restored_from'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.projectId, t.rev] })]);
