import { sql } from 'drizzle-orm';
import { integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { messageRoles, messageStatuses, type MessageRole, type MessageStatus } from '../../shared/chat-messages.js';

/**
 * Drizzle definitions of the conversation tables of migrations/0004_workspace.up.sql (the SQL is the source of
 * truth; test/schema-drift.test.ts compares the two).
 */
const app = pgSchema('app');

export { messageRoles, messageStatuses, type MessageRole, type MessageStatus };

export const conversations = app.table('conversations', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  title: text('title').notNull(),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  creatorId: uuid('creator_id'),
  lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
  /** Its last message, or its creation while it has none: what the list sorts and pages by (migration 0016). */
  activityAt: timestamp('activity_at', { withTimezone: true }).generatedAlwaysAs(sql`coalesce(last_message_at, created_at)`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const messages = app.table('messages', {
  id: uuid('id').primaryKey(),
  conversationId: uuid('conversation_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  projectId: uuid('project_id').notNull(),
  role: text('role', { enum: messageRoles }).notNull(),
  content: text('content').notNull(),
  status: text('status', { enum: messageStatuses }).notNull().default('complete'),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  tokenCount: integer('token_count'),
  authorId: uuid('author_id'),
  generationId: uuid('generation_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
