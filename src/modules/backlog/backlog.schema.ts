import { bigint, date, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle definitions of migrations/0006_backlog.up.sql (the SQL is the source of truth). */
const app = pgSchema('app');

export const backlogCounters = app.table('backlog_counters', {
  projectId: uuid('project_id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  lastStoryNumber: integer('last_story_number').notNull().default(0),
  lastEpicNumber: integer('last_epic_number').notNull().default(0),
});

export const epics = app.table('epics', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  // Assigned by the database (trigger); inserts pass 0.
  number: integer('number').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  status: text('status').$type<'todo' | 'in_progress' | 'done'>().notNull().default('todo'),
  ownerId: uuid('owner_id'),
  targetDate: date('target_date'),
  rank: text('rank').notNull(),
  creatorId: uuid('creator_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sprints = app.table('sprints', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  name: text('name').notNull(),
  goal: text('goal').notNull().default(''),
  startDate: date('start_date'),
  endDate: date('end_date'),
  status: text('status').$type<'planning' | 'active' | 'completed'>().notNull().default('planning'),
  velocity: integer('velocity'),
  committedPoints: integer('committed_points'),
  startedAt: timestamp('started_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const stories = app.table('stories', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  // Assigned by the database (trigger); inserts pass 0.
  number: integer('number').notNull(),
  epicId: uuid('epic_id'),
  sprintId: uuid('sprint_id'),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  acceptanceCriteria: text('acceptance_criteria').notNull().default(''),
  storyPoints: integer('story_points'),
  priority: text('priority').$type<'high' | 'medium' | 'low'>().notNull().default('medium'),
  status: text('status').$type<'todo' | 'in_progress' | 'done'>().notNull().default('todo'),
  assigneeId: uuid('assignee_id'),
  creatorId: uuid('creator_id'),
  rank: text('rank').notNull(),
  rev: integer('rev').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const storyRelations = app.table('story_relations', {
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  storyId: uuid('story_id').notNull(),
  relatedStoryId: uuid('related_story_id').notNull(),
  kind: text('kind').$type<'blocks' | 'relates_to' | 'duplicates'>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.storyId, t.relatedStoryId, t.kind] })]);

export const storyActivity = app.table('story_activity', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  storyId: uuid('story_id').notNull(),
  actorId: uuid('actor_id'),
  field: text('field').notNull(),
  fromValue: jsonb('from_value').$type<unknown>(),
  toValue: jsonb('to_value').$type<unknown>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const tasks = app.table('tasks', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  storyId: uuid('story_id'),
  phase: integer('phase').notNull().default(1),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  creatorId: uuid('creator_id'),
  generationId: uuid('generation_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const taskActivity = app.table('task_activity', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  taskId: uuid('task_id').notNull(),
  userId: uuid('user_id'),
  action: text('action').$type<'complete' | 'reopen'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
