import { integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { jobStatuses, type JobStatus } from '../../shared/job-statuses.js';
import { appSchema } from '../db/platform.schema.js';

/** Drizzle definition of app.jobs (migrations/0002_ai_gateway.up.sql is the source of truth). */
export { jobStatuses, type JobStatus };

export type JobError = { code: string; message: string };

export const jobs = appSchema.table('jobs', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id'),
  createdBy: uuid('created_by'),
  type: text('type').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  status: text('status', { enum: jobStatuses }).notNull().default('queued'),
  progress: integer('progress').notNull().default(0),
  progressMessage: text('progress_message'),
  checkpoint: jsonb('checkpoint').$type<unknown>(),
  result: jsonb('result').$type<Record<string, unknown>>(),
  error: jsonb('error').$type<JobError>(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(3),
  runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
  lockedBy: text('locked_by'),
  lockedAt: timestamp('locked_at', { withTimezone: true }),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true }),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
