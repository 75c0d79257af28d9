import { sql } from 'drizzle-orm';
import { date, integer, jsonb, numeric, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { providerNames, type ProviderName } from '../../shared/ai-providers.js';
import { appSchema } from '../db/platform.schema.js';

/**
 * Drizzle definitions of the AI tables of migrations/0002_ai_gateway.up.sql (the SQL is the source of truth;
 * test/schema-drift.test.ts compares the two).
 */
export { providerNames, type ProviderName };

export const organizationAiSettings = appSchema.table('organization_ai_settings', {
  organizationId: uuid('organization_id').primaryKey(),
  provider: text('provider', { enum: providerNames }),
  model: text('model'),
  baseUrl: text('base_url'),
  apiKeyCiphertext: text('api_key_ciphertext'),
  monthlyBudgetUsd: numeric('monthly_budget_usd', { precision: 12, scale: 4, mode: 'number' }),
  runBudgetUsd: numeric('run_budget_usd', { precision: 12, scale: 4, mode: 'number' }),
  updatedBy: uuid('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const generationStatuses = ['succeeded', 'failed', 'cancelled'] as const;
export type GenerationStatus = (typeof generationStatuses)[number];

export const aiGenerations = appSchema.table('ai_generations', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id'),
  userId: uuid('user_id'),
  jobId: uuid('job_id'),
  generationType: text('generation_type').notNull(),
  provider: text('provider', { enum: providerNames }).notNull(),
  model: text('model').notNull(),
  prompt: text('prompt').notNull(),
  response: text('response'),
  tokensIn: integer('tokens_in').notNull().default(0),
  tokensOut: integer('tokens_out').notNull().default(0),
  tokensUsed: integer('tokens_used').generatedAlwaysAs(sql`tokens_in + tokens_out`),
  cost: numeric('cost', { precision: 14, scale: 6, mode: 'number' }).notNull().default(0),
  latencyMs: integer('latency_ms').notNull().default(0),
  status: text('status', { enum: generationStatuses }).notNull(),
  errorCode: text('error_code'),
  errorMessage: text('error_message'),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// The seed's table name (seed 003): a monthly allowance of AI credits per user.
export const aiCredits = appSchema.table('chat_credits', {
  userId: uuid('user_id').primaryKey(),
  remaining: integer('remaining'),
  resetAt: date('reset_at', { mode: 'string' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
