import { bigint, boolean, integer, jsonb, numeric, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  BoardDecision,
  Clarification,
  DeliberationOption,
  PanelSeat,
  PersonaFamily,
  SessionPhase,
  SessionStatus,
  SubQuestion,
  VoteRule,
} from './board.contract.js';

/** Drizzle definitions of migrations/0008_board.up.sql (the SQL is the source of truth). */
const board = pgSchema('board');

/** numeric columns arrive as strings; these columns are small enough for a JS number. */
const money = (name: string) => numeric(name, { precision: 12, scale: 6, mode: 'number' });
const ratio = (name: string) => numeric(name, { precision: 3, scale: 2, mode: 'number' });

export const personas = board.table('personas', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  organizationId: uuid('organization_id'),
  code: text('code').notNull(),
  name: text('name').notNull(),
  expertise: text('expertise').notNull(),
  systemPrompt: text('system_prompt').notNull(),
  family: text('family').$type<PersonaFamily>().notNull(),
  lens: text('lens').notNull(),
  checks: jsonb('checks').$type<string[]>().notNull(),
  riskAppetite: ratio('risk_appetite').notNull().default(0),
  keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const boardSettings = board.table('settings', {
  organizationId: uuid('organization_id').primaryKey(),
  defaultBudgetUsd: money('default_budget_usd').notNull().default(1),
  defaultTokenCap: integer('default_token_cap'),
  defaultMaxRounds: integer('default_max_rounds').notNull().default(6),
  voteRule: text('vote_rule').$type<VoteRule>().notNull().default('borda'),
  personaModels: jsonb('persona_models').$type<Record<string, string>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const boardSessions = board.table('sessions', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id'),
  userId: uuid('user_id').notNull(),
  problemStatement: text('problem_statement').notNull(),
  problemContext: jsonb('problem_context').$type<Record<string, unknown>>(),
  status: text('status').$type<SessionStatus>().notNull().default('active'),
  phase: text('phase').$type<SessionPhase>().notNull().default('problem_decomposition'),
  totalCost: money('total_cost').notNull().default(0),
  totalTokens: integer('total_tokens').notNull().default(0),
  spentUsd: money('spent_usd').notNull().default(0),
  spentTokens: integer('spent_tokens').notNull().default(0),
  roundNumber: integer('round_number').notNull().default(0),
  maxRounds: integer('max_rounds').notNull().default(6),
  budgetUsd: money('budget_usd').notNull(),
  tokenCap: integer('token_cap'),
  voteRule: text('vote_rule').$type<VoteRule>().notNull().default('borda'),
  seed: integer('seed').notNull(),
  subQuestions: jsonb('sub_questions').$type<SubQuestion[]>().notNull().default([]),
  options: jsonb('options').$type<DeliberationOption[]>().notNull().default([]),
  clarifications: jsonb('clarifications').$type<Clarification[]>().notNull().default([]),
  panel: jsonb('panel').$type<PanelSeat[]>().notNull().default([]),
  decision: jsonb('decision').$type<BoardDecision>(),
  stopReason: text('stop_reason'),
  jobId: uuid('job_id'),
  lastEventSeq: integer('last_event_seq').notNull().default(0),
  error: jsonb('error').$type<{ code: string; message: string }>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  killedAt: timestamp('killed_at', { withTimezone: true }),
  killedBy: text('killed_by'),
  killReason: text('kill_reason'),
});

export const contributions = board.table('contributions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  sessionId: uuid('session_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  personaCode: text('persona_code').notNull(),
  content: text('content').notNull(),
  roundNumber: integer('round_number').notNull(),
  phase: text('phase').$type<'initial_round' | 'deliberation' | 'moderator_intervention'>().notNull(),
  claim: text('claim').notNull().default(''),
  evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
  assumptions: jsonb('assumptions').$type<string[]>().notNull().default([]),
  confidence: ratio('confidence'),
  position: text('position'),
  positionChanged: boolean('position_changed').notNull().default(false),
  changeReason: text('change_reason'),
  duplicateOf: bigint('duplicate_of', { mode: 'number' }),
  cost: money('cost').notNull().default(0),
  tokens: integer('tokens').notNull().default(0),
  model: text('model').notNull(),
  generationId: uuid('generation_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const votes = board.table('votes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  sessionId: uuid('session_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  personaCode: text('persona_code').notNull(),
  voteChoice: text('vote_choice').notNull(),
  reasoning: text('reasoning').notNull(),
  confidence: ratio('confidence'),
  ranking: jsonb('ranking').$type<string[]>().notNull(),
  approved: jsonb('approved').$type<string[]>().notNull().default([]),
  derived: boolean('derived').notNull().default(false),
  cost: money('cost').notNull().default(0),
  tokens: integer('tokens').notNull().default(0),
  model: text('model').notNull(),
  generationId: uuid('generation_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessionEvents = board.table(
  'session_events',
  {
    sessionId: uuid('session_id').notNull(),
    seq: integer('seq').notNull(),
    organizationId: uuid('organization_id').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.seq] })],
);
