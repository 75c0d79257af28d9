import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { settingsSchema } from '../../shared/contract/json-fields.js';
import { organizationRoles } from '../../shared/organization-roles.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';

/** Request and response schemas of /organizations and /organizations/{id}/members, shared by server and OpenAPI. */

export const organizationRoleSchema = z.enum(organizationRoles, oneOf('Role', organizationRoles));

export const organizationNameSchema = z.string(requiredAs('Name', 'text')).trim().min(1, isRequired('Name')).max(255, atMost('Name', 255));
export const organizationSlugSchema = z
  .string(requiredAs('Slug', 'text'))
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Use 1–100 lowercase letters, digits or hyphens, starting with a letter or digit');
export { settingsSchema };

export const createOrganizationBody = z
  .object({ name: organizationNameSchema, slug: organizationSlugSchema.optional(), settings: settingsSchema.optional() })
  .strict();
export type CreateOrganizationInput = z.infer<typeof createOrganizationBody>;

/** PATCH replaces only the fields it names; `settings` is replaced as a whole. */
export const updateOrganizationBody = z
  .object({ name: organizationNameSchema.optional(), slug: organizationSlugSchema.optional(), settings: settingsSchema.optional() })
  .strict();
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationBody>;

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  ownerId: z.string().nullable(),
  isPersonal: z.boolean(),
  settings: settingsSchema,
  role: organizationRoleSchema.describe('the calling user’s role in this organization'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const pageQuery = z.object({ limit: limitSchema, cursor: cursorSchema }).strict();

export const organizationPageSchema = pageSchema(organizationSchema);

/** Path ids are plain strings: a malformed id answers 404 like any other id that names nothing the caller can see. */
export const organizationParams = z.object({ id: z.string() });
export const memberParams = z.object({ id: z.string(), userId: z.string() });

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: organizationRoleSchema,
  invitedBy: z.string().nullable(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;
export const memberPageSchema = pageSchema(memberSchema);

export const addMemberBody = z
  .object({
    email: z
      .string(requiredAs('Email', 'text'))
      .trim()
      .min(3, 'Enter an email address like name@example.com')
      .max(255, atMost('Email', 255))
      .email('Enter an email address like name@example.com'),
    role: organizationRoleSchema,
  })
  .strict();
export type AddMemberInput = z.infer<typeof addMemberBody>;

export const changeMemberRoleBody = z.object({ role: organizationRoleSchema }).strict();
