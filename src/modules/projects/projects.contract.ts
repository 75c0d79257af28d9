import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { settingsSchema } from '../../shared/contract/json-fields.js';
import { projectStatuses, writableProjectStatuses } from '../../shared/project-statuses.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';

/** Request and response schemas of /projects, shared by server and OpenAPI. */

export const writableStatusSchema = z.enum(writableProjectStatuses, oneOf('Status', writableProjectStatuses));
export const projectStatusSchema = z.enum(projectStatuses, oneOf('Status', projectStatuses));

export const projectKeySchema = z
  .string(requiredAs('Key', 'text'))
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'Use 2–10 capital letters or digits, starting with a letter (e.g. MBA)');
const nameSchema = z.string(requiredAs('Name', 'text')).trim().min(1, isRequired('Name')).max(255, atMost('Name', 255));
const descriptionSchema = z.string(requiredAs('Description', 'text')).max(20_000, atMost('Description', 20000));
const ideaPromptSchema = z.string(requiredAs('Idea', 'text')).max(50_000, atMost('Idea', 50000));
/** A calendar date, YYYY-MM-DD (a day that exists; year 1 or later, as PostgreSQL's date accepts). */
const dateSchema = (label: string) =>
  z.iso
    .date(`${label} must be a date as YYYY-MM-DD`)
    .refine((value) => !value.startsWith('0000'), `${label} must be in year 1 or later`);

type DateRange = { startDate?: string | null | undefined; endDate?: string | null | undefined };
function checkDateOrder(value: DateRange, ctx: z.RefinementCtx): void {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'End date must not be before the start date' });
  }
}

const editableFields = {
  key: projectKeySchema.optional(),
  description: descriptionSchema.nullable().optional(),
  status: writableStatusSchema.optional(),
  settings: settingsSchema.optional(),
  ideaPrompt: ideaPromptSchema.nullable().optional(),
  startDate: dateSchema('Start date').nullable().optional(),
  endDate: dateSchema('End date').nullable().optional(),
};

export const createProjectBody = z
  .object({
    organizationId: z.uuid('Organization id must be a UUID').optional().describe('defaults to your personal organization'),
    name: nameSchema,
    ...editableFields,
    key: projectKeySchema.optional().describe('derived from the name when absent ("Mobile Banking App" → MBA)'),
  })
  .strict()
  .superRefine(checkDateOrder);
export type CreateProjectInput = z.infer<typeof createProjectBody>;

/**
 * PUT replaces every editable field: an absent field takes its default (null, {} or status `active`). The key is
 * the exception: it identifies the project in story keys, so an absent key keeps the current one.
 */
export const replaceProjectBody = z
  .object({ name: nameSchema, ...editableFields })
  .strict()
  .superRefine(checkDateOrder);
export type ReplaceProjectInput = z.infer<typeof replaceProjectBody>;

/** PATCH changes only the fields it names; null clears a nullable field. */
export const updateProjectBody = z
  .object({ name: nameSchema.optional(), ...editableFields })
  .strict()
  .superRefine(checkDateOrder);
export type UpdateProjectInput = z.infer<typeof updateProjectBody>;

export const listProjectsQuery = z
  .object({
    organizationId: z.uuid('Organization id must be a UUID').optional().describe('default: projects of all your organizations'),
    status: projectStatusSchema.optional().describe('deleted projects are listed only with status=deleted'),
    q: z.string().trim().max(200, atMost('Search text', 200)).optional().describe('matches name, key or description, case-insensitively'),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();
export type ListProjectsQuery = z.infer<typeof listProjectsQuery>;

export const projectParams = z.object({ id: z.string() });

export const projectSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  ownerId: z.string().nullable(),
  name: z.string(),
  key: z.string(),
  description: z.string().nullable(),
  status: projectStatusSchema,
  settings: settingsSchema,
  ideaPrompt: z.string().nullable(),
  currentVersion: z.number().int(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectPageSchema = pageSchema(projectSchema);
