import { sql } from 'drizzle-orm';
import { subscriptionTiers, userStatuses } from '../../shared/account-kinds.js';
import { organizationRoles, type OrganizationRole } from '../../shared/organization-roles.js';
import { projectStatuses, type ProjectStatus } from '../../shared/project-statuses.js';
import { bigint, boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Drizzle definitions of the platform tables of migrations/0001_platform.up.sql. The SQL migration is the source of
 * truth; test/schema-drift.test.ts fails when these definitions and the migrated database disagree.
 */
export const appSchema = pgSchema('app');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = appSchema.table('users', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  username: text('username'),
  email: text('email').notNull(),
  passwordHash: text('password_hash'),
  status: text('status', { enum: userStatuses }).notNull().default('pending'),
  role: text('role', { enum: ['admin', 'developer', 'analyst'] }),
  emailVerified: boolean('email_verified').notNull().default(false),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  emailVerificationTokenHash: text('email_verification_token_hash'),
  emailVerificationExpiresAt: timestamp('email_verification_expires_at', { withTimezone: true }),
  resetCodeHash: text('reset_code_hash'),
  resetCodeExpiresAt: timestamp('reset_code_expires_at', { withTimezone: true }),
  resetCodeAttempts: integer('reset_code_attempts').notNull().default(0),
  authProvider: text('auth_provider').notNull().default('password'),
  subscriptionTier: text('subscription_tier', { enum: subscriptionTiers }).notNull().default('free'),
  isPro: boolean('is_pro').generatedAlwaysAs(sql`subscription_tier IN ('pro', 'enterprise')`),
  stripeCustomerId: text('stripe_customer_id'),
  gdprConsentAt: timestamp('gdpr_consent_at', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const userSessions = appSchema.table('user_sessions', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  accessTokenHash: text('access_token_hash').notNull(),
  accessExpiresAt: timestamp('access_expires_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ipAddress: text('ip_address'),
  userAgent: text('user_agent'),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: text('revoked_reason'),
});

export const tokens = appSchema.table('tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  sessionId: uuid('session_id').notNull(),
  kind: text('kind', { enum: ['refresh'] }).notNull().default('refresh'),
  tokenHash: text('token_hash').notNull(),
  expiryDate: timestamp('expiry_date', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const loginAttempts = appSchema.table('login_attempts', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  email: text('email').notNull(),
  ipAddress: text('ip_address').notNull(),
  succeeded: boolean('succeeded').notNull(),
  createdAt: createdAt(),
});

export const organizations = appSchema.table('organizations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  ownerId: uuid('owner_id'),
  isPersonal: boolean('is_personal').notNull().default(false),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export { organizationRoles, type OrganizationRole };

export const organizationMembers = appSchema.table('organization_members', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  userId: uuid('user_id').notNull(),
  role: text('role', { enum: organizationRoles }).notNull(),
  invitedBy: uuid('invited_by'),
  joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: updatedAt(),
});

export { projectStatuses, type ProjectStatus };

export const projects = appSchema.table('projects', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  ownerId: uuid('owner_id'),
  name: text('name').notNull(),
  key: text('key').notNull(),
  description: text('description'),
  status: text('status', { enum: projectStatuses }).notNull().default('active'),
  statusBeforeDelete: text('status_before_delete', { enum: projectStatuses }),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  ideaPrompt: text('idea_prompt'),
  currentVersion: integer('current_version').notNull().default(1),
  startDate: date('start_date', { mode: 'string' }),
  endDate: date('end_date', { mode: 'string' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

export const auditLog = appSchema.table('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  organizationId: uuid('organization_id'),
  userId: uuid('user_id'),
  action: text('action').notNull(),
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id'),
  details: jsonb('details').$type<Record<string, unknown>>(),
  ipAddress: text('ip_address'),
  userAgent: text('user_agent'),
  timestamp: timestamp('timestamp', { withTimezone: true }).notNull().defaultNow(),
});
