import { z } from 'zod';
import { atMost, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { providerNames } from '../../shared/ai-providers.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';

/** Request and response schemas of the AI endpoints, shared by server and OpenAPI. */

const providerSchema = z.enum(providerNames, oneOf('Provider', providerNames));
const usdSchema = (label: string) =>
  z.number(requiredAs(label, 'a number')).min(0, `${label} must not be negative`).max(10_000_000, `${label} must be at most 10000000`);
const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: 'Base URL must be an http:// or https:// URL' })
  .max(2000, atMost('Base URL', 2000));

export const organizationParams = z.object({ id: z.string() });

export const aiSettingsSchema = z.object({
  organizationId: z.string(),
  provider: providerSchema.nullable().describe('null: the server’s provider'),
  model: z.string().nullable(),
  baseUrl: z.string().nullable(),
  hasApiKey: z.boolean().describe('the key itself is never returned'),
  monthlyBudgetUsd: z.number().nullable(),
  runBudgetUsd: z.number().nullable(),
  effective: z.object({
    provider: providerSchema,
    model: z.string(),
    baseUrl: z.string().nullable(),
    source: z.enum(['organization', 'server']),
  }),
  serverDefault: z.object({ provider: providerSchema, model: z.string() }).describe('what “server default” means here'),
  updatedAt: z.string().nullable(),
});
export type AiSettings = z.infer<typeof aiSettingsSchema>;

/** PATCH changes the fields it names; null clears one (provider null: use the server's). */
export const updateAiSettingsBody = z
  .object({
    provider: providerSchema.nullable().optional(),
    model: z.string(requiredAs('Model', 'text')).trim().min(1, 'Model must not be empty').max(200, atMost('Model', 200)).nullable().optional(),
    baseUrl: baseUrlSchema.nullable().optional(),
    apiKey: z.string(requiredAs('API key', 'text')).trim().min(1, 'API key must not be empty').max(1000, atMost('API key', 1000)).nullable().optional(),
    monthlyBudgetUsd: usdSchema('Monthly budget').nullable().optional(),
    runBudgetUsd: usdSchema('Budget per run').nullable().optional(),
  })
  .strict();
export type UpdateAiSettingsInput = z.infer<typeof updateAiSettingsBody>;

export const connectionCheckSchema = z.object({
  ok: z.boolean(),
  provider: providerSchema,
  model: z.string(),
  latencyMs: z.number(),
  message: z.string(),
});

export const usageQuery = z
  .object({
    organizationId: z.uuid('Organization id must be a UUID').optional().describe('default: your personal organization'),
    from: z.iso.date('From must be a date as YYYY-MM-DD').optional().describe('first day, UTC (default: 29 days before `to`)'),
    to: z.iso.date('To must be a date as YYYY-MM-DD').optional().describe('last day, UTC, included (default: today)'),
    groupBy: z.enum(['day', 'model', 'feature'], oneOf('Group by', ['day', 'model', 'feature'])).default('day'),
  })
  .strict();
export type UsageQuery = z.infer<typeof usageQuery>;

const usageFigures = {
  calls: z.number().int(),
  failedCalls: z.number().int(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  cost: z.number(),
};
export const usageSchema = z.object({
  organizationId: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['day', 'model', 'feature']),
  totals: z.object(usageFigures),
  buckets: z.array(z.object({ key: z.string(), ...usageFigures })),
});
export type Usage = z.infer<typeof usageSchema>;

export const creditsSchema = z.object({
  remaining: z.number().int().nullable().describe('null when unlimited'),
  resetAt: z.string().describe('the day the allowance renews (UTC)'),
  unlimited: z.boolean(),
  monthlyAllowance: z.number().int(),
});

export const taskSchema = z.object({
  name: z.string(),
  description: z.string(),
  kind: z.enum(['object', 'text']),
  consumesCredit: z.boolean(),
});

export const taskParams = z.object({ name: z.string() });

const scopeFields = {
  organizationId: z.uuid('Organization id must be a UUID').optional().describe('default: the project’s, else your personal organization'),
  projectId: z.uuid('Project id must be a UUID').optional(),
};

export const runTaskBody = z.object({ ...scopeFields, input: z.unknown().describe('the task’s input; see GET /ai/tasks') }).strict();
export type RunTaskInput = z.infer<typeof runTaskBody>;

export const taskJobBody = z
  .object({
    ...scopeFields,
    inputs: z.array(z.unknown(), requiredAs('Inputs', 'a list')).min(1, 'Inputs must hold at least one input').max(50, 'Inputs must hold at most 50 inputs'),
  })
  .strict();
export type TaskJobInput = z.infer<typeof taskJobBody>;

export const generationSummarySchema = z.object({
  generationId: z.string(),
  provider: providerSchema,
  model: z.string(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  cost: z.number(),
  latencyMs: z.number(),
});

/** The result of a task job (GET /jobs/{id}): kept on a failed job too when some inputs were done. */
export const taskBatchResultSchema = z.object({
  task: z.string(),
  total: z.number().int(),
  completed: z.number().int(),
  generationIds: z.array(z.string()),
  outputs: z.array(z.unknown()).describe('one per finished input, in order'),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  cost: z.number(),
});
export type TaskBatchResult = z.infer<typeof taskBatchResultSchema>;

export const runTaskResponse = generationSummarySchema.extend({ output: z.unknown() });

export const generationSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  projectId: z.string().nullable(),
  userId: z.string().nullable(),
  jobId: z.string().nullable(),
  generationType: z.string(),
  provider: providerSchema,
  model: z.string(),
  prompt: z.string(),
  response: z.string().nullable(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  tokensUsed: z.number().int(),
  cost: z.number(),
  latencyMs: z.number().int(),
  status: z.enum(['succeeded', 'failed', 'cancelled']),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type GenerationItem = z.infer<typeof generationSchema>;
export const generationPageSchema = pageSchema(generationSchema);

export const listGenerationsQuery = z
  .object({
    organizationId: z.uuid('Organization id must be a UUID').optional().describe('default: the project’s, else your personal organization'),
    projectId: z.uuid('Project id must be a UUID').optional(),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();
export type ListGenerationsQuery = z.infer<typeof listGenerationsQuery>;
export const generationParams = z.object({ id: z.string() });
