import { z } from 'zod';
import { atMost, isRequired, requiredAs } from '../../shared/contract/messages.js';
import { subscriptionTiers, userStatuses } from '../../shared/account-kinds.js';

/**
 * Request and response schemas of the identity endpoints. The same schemas validate requests, serialize responses
 * and document the API (OpenAPI); objects are strict, so an unknown field is a 400 naming it.
 */

export const emailSchema = z
  .string(requiredAs('Email', 'text'))
  .trim()
  .toLowerCase()
  .min(3, 'Enter an email address like name@example.com')
  .max(255, atMost('Email', 255))
  .regex(z.regexes.email, 'Enter an email address like name@example.com')
  .describe('Email address; compared case-insensitively');

/** The policy (length in code points, common passwords, not the email) is checked by the service: see passwords.ts. */
export const newPasswordSchema = z.string(requiredAs('Password', 'text')).max(4096, atMost('Password', 4096)).describe('8–256 characters; not a common password, not your email');
const currentPasswordSchema = z.string(requiredAs('Password', 'text')).min(1, isRequired('Password')).max(4096, atMost('Password', 4096));

export const usernameSchema = z
  .string(requiredAs('Username', 'text'))
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{1,99}$/, 'Use 2–100 characters: letters, digits, "_", "." or "-", starting with a letter or digit');

export const personNameSchema = z.string(requiredAs('Name', 'text')).trim().min(1, isRequired('Name')).max(255, atMost('Name', 255));

/** A token or code from an email, or a refresh token. */
const secretSchema = (label: string) => z.string(requiredAs(label, 'text')).min(1, isRequired(label)).max(512, atMost(label, 512));


export const userSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  username: z.string().nullable(),
  email: z.string(),
  status: z.enum(userStatuses),
  emailVerified: z.boolean(),
  authProvider: z.string(),
  subscriptionTier: z.enum(subscriptionTiers),
  isPro: z.boolean(),
  gdprConsentAt: z.string().nullable().describe('ISO 8601; null when no consent was given'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof userSchema>;

export const userEnvelopeSchema = z.object({ user: userSchema });

export const sessionGrantSchema = z.object({
  accessToken: z.string().describe('Bearer token for the Authorization header; also set as the atelier_session cookie'),
  refreshToken: z.string().describe('Single-use; POST it to /auth/refresh. Also set as the atelier_refresh cookie'),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
  user: userSchema,
});

export const messageSchema = z.object({ message: z.string() });

/** The answer to a registration: the same whether the email was new or already had an account (the owner is mailed). */
export const registrationReceiptSchema = z.object({
  status: z.literal('verification_sent'),
  email: z.string().describe('Where the message went'),
  message: z.string(),
});

export const registerBody = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    username: usernameSchema.optional(),
    gdprConsent: z.boolean().optional().describe('true records the time of consent'),
  })
  .strict();

export const verifyEmailBody = z.object({ token: secretSchema('Token') }).strict();
export const emailOnlyBody = z.object({ email: emailSchema }).strict();
export const loginBody = z.object({ email: emailSchema, password: currentPasswordSchema }).strict();
export const refreshBody = z
  .object({ refreshToken: secretSchema('Refresh token').optional().describe('Omit to use the atelier_refresh cookie') })
  .strict()
  .nullish()
  .describe('Optional: the web app sends no body and relies on the cookie');
export const resetPasswordBody = z.object({ email: emailSchema, code: secretSchema('Code'), password: newPasswordSchema }).strict();

export const updateMeBody = z
  .object({
    name: personNameSchema.optional(),
    username: usernameSchema.nullable().optional().describe('null removes the username'),
    gdprConsent: z.boolean().optional().describe('true records consent now (kept if already given); false withdraws it'),
  })
  .strict();

export const deleteMeBody = z.object({ password: currentPasswordSchema }).strict();

const isoOrNull = z.string().nullable();

export const exportSchema = z.object({
  exportedAt: z.string(),
  user: userSchema.extend({ emailVerifiedAt: isoOrNull, lastLoginAt: isoOrNull }),
  memberships: z.array(
    z.object({
      organizationId: z.string(),
      role: z.string(),
      joinedAt: z.string(),
      organization: z.object({
        id: z.string(),
        name: z.string(),
        slug: z.string(),
        isPersonal: z.boolean(),
        createdAt: z.string(),
      }),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.string(),
      organizationId: z.string(),
      name: z.string(),
      key: z.string(),
      description: z.string().nullable(),
      status: z.string(),
      settings: z.record(z.string(), z.unknown()),
      ideaPrompt: z.string().nullable(),
      currentVersion: z.number(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
      deletedAt: isoOrNull,
    }),
  ),
  sessions: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
      revokedAt: isoOrNull,
      revokedReason: z.string().nullable(),
    }),
  ),
  loginAttempts: z.array(z.object({ ipAddress: z.string(), succeeded: z.boolean(), createdAt: z.string() })),
  auditEvents: z.array(
    z.object({
      id: z.number(),
      organizationId: z.string().nullable(),
      action: z.string(),
      resourceType: z.string(),
      resourceId: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
      timestamp: z.string(),
    }),
  ),
});
export type AccountExport = z.infer<typeof exportSchema>;
