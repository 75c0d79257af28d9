import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { creditBalance } from '../../core/ai/index.js';
import type { AiTask } from '../../core/ai/task.js';
import { withUser } from '../../core/db/tenancy.js';
import { AppError, notFound } from '../../core/errors.js';
import { errorBody } from '../../core/http/error-handler.js';
import { clientGone, sseStreams } from '../../core/http/sse.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { enqueueJob } from '../../core/jobs/index.js';
import { personalOrganizationIdOf } from '../organizations/index.js';
import {
  aiSettingsSchema,
  connectionCheckSchema,
  creditsSchema,
  generationPageSchema,
  generationParams,
  generationSchema,
  listGenerationsQuery,
  organizationParams,
  runTaskBody,
  runTaskResponse,
  taskJobBody,
  taskParams,
  taskSchema,
  updateAiSettingsBody,
  usageQuery,
  usageSchema,
} from './ai.contract.js';
import { resolveAiScope } from './ai-scope.js';
import { getAiSettings, settingsToTest, updateAiSettings } from './ai-settings.service.js';
import { getGeneration, listGenerations } from './generations.service.js';
import { TASK_BATCH_JOB } from './task-batch.job.js';
import { usageReport } from './usage.service.js';

const tags = ['ai'];

export async function aiRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const streams = sseStreams(api);

  /** A task some module registered, or a 404. */
  function taskNamed(name: string): AiTask {
    const task = context.aiTasks.find(name);
    if (!task) throw notFound(`AI task ${name}`);
    return task;
  }

  api.get(
    '/organizations/:id/ai-settings',
    {
      schema: {
        tags,
        summary: 'The organization’s AI provider, model, budgets and the settings in effect (members; never the key)',
        params: organizationParams,
        response: { 200: aiSettingsSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getAiSettings(context, tx, userId, request.params.id));
    },
  );

  api.patch(
    '/organizations/:id/ai-settings',
    {
      schema: {
        tags,
        summary: 'Choose the organization’s provider, model, key (stored encrypted) and budgets (admins); null clears a field',
        params: organizationParams,
        body: updateAiSettingsBody,
        response: { 200: aiSettingsSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      await withUser(db, actor.userId, (tx) => updateAiSettings(context, tx, actor, request.params.id, request.body));
      return withUser(db, actor.userId, (tx) => getAiSettings(context, tx, actor.userId, request.params.id));
    },
  );

  api.post(
    '/organizations/:id/ai-settings/test',
    {
      schema: {
        tags,
        summary: 'Try the saved settings, or unsaved changes in the body, with one tiny call (admins)',
        params: organizationParams,
        body: updateAiSettingsBody.optional(),
        response: { 200: connectionCheckSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      const settings = await withUser(db, userId, (tx) => settingsToTest(context, tx, userId, request.params.id, request.body ?? {}));
      return context.ai.testConnection(settings);
    },
  );

  api.get(
    '/usage',
    {
      schema: {
        tags,
        summary: 'Tokens and cost of an organization’s AI calls, by day, model or feature',
        querystring: usageQuery,
        response: { 200: usageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, async (tx) => {
        const organizationId = request.query.organizationId ?? (await personalOrganizationIdOf(tx, userId));
        if (!organizationId) throw notFound('Organization');
        return usageReport(tx, userId, organizationId, request.query);
      });
    },
  );

  api.get(
    '/me/credits',
    { schema: { tags, summary: 'Your chat credits this month', response: { 200: creditsSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => creditBalance(tx, userId));
    },
  );

  api.get(
    '/ai/tasks',
    { schema: { tags, summary: 'The AI tasks this server runs', response: { 200: z.array(taskSchema) } } },
    async (request) => {
      requireAuth(request);
      return context.aiTasks.all.map((task) => ({
        name: task.name,
        description: task.description,
        kind: task.kind,
        consumesCredit: Boolean(task.consumesCredit),
      }));
    },
  );

  api.post(
    '/ai/tasks/:name/run',
    {
      schema: {
        tags,
        summary: 'Run an AI task now and answer its output (editors and up); recorded in the ledger',
        params: taskParams,
        body: runTaskBody,
        response: { 200: runTaskResponse },
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const task = taskNamed(request.params.name);
      const scope = await withUser(db, userId, (tx) => resolveAiScope(tx, userId, request.body));
      const { signal } = clientGone(request, reply);
      const generation = await context.ai.run(task as Parameters<typeof context.ai.run>[0], request.body.input, { ...scope, userId, signal });
      return generation;
    },
  );

  api.post(
    '/ai/tasks/:name/stream',
    {
      schema: {
        tags,
        summary: 'Run a task and stream its answer as Server-Sent Events: delta {text} (text tasks) or partial {object} (object tasks), then done or error',
        params: taskParams,
        body: runTaskBody,
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const task = taskNamed(request.params.name);
      const scope = await withUser(db, userId, (tx) => resolveAiScope(tx, userId, request.body));
      const abort = new AbortController();
      const callContext = { ...scope, userId, signal: abort.signal };
      // Credits, budgets and input are checked here, so those errors still answer with a status and the error shape.
      const opened =
        task.kind === 'text'
          ? { kind: 'text' as const, stream: await context.ai.stream(task, request.body.input, callContext) }
          : { kind: 'object' as const, stream: await context.ai.streamObject(task, request.body.input, callContext) };
      const sse = streams.open(request, reply);
      sse.signal.addEventListener('abort', () => abort.abort());
      try {
        if (opened.kind === 'text') {
          for await (const text of opened.stream.textStream) sse.send('delta', { text });
          const { output: _output, ...summary } = await opened.stream.result;
          sse.send('done', summary);
        } else {
          for await (const partial of opened.stream.partialObjectStream) sse.send('partial', { object: partial });
          sse.send('done', await opened.stream.result);
        }
      } catch (error) {
        const failure = error instanceof AppError ? error : new AppError('INTERNAL', 'The answer stopped unexpectedly');
        if (!(error instanceof AppError)) request.log.error({ err: error }, 'stream failed');
        sse.send('error', errorBody(request, failure.code, failure.message));
      } finally {
        sse.close();
      }
    },
  );

  api.post(
    '/ai/tasks/:name/jobs',
    {
      schema: {
        tags,
        summary: 'Run an AI task over up to 50 inputs as a background job with live progress (editors and up)',
        params: taskParams,
        body: taskJobBody,
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const task = taskNamed(request.params.name);
      // Inputs are checked now, so a bad one is a 400 here rather than a failed job later.
      request.body.inputs.forEach((input, index) => {
        const parsed = task.input.safeParse(input);
        if (!parsed.success) {
          const details = parsed.error.issues.map((issue) => ({
            field: ['inputs', String(index), ...issue.path.map(String)].join('.'),
            message: issue.message,
            in: 'body',
          }));
          throw new AppError('VALIDATION_FAILED', `Invalid input ${index + 1}: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, { details });
        }
      });
      const job = await withUser(db, userId, async (tx) => {
        const scope = await resolveAiScope(tx, userId, request.body);
        return enqueueJob(tx, {
          ...scope,
          createdBy: userId,
          type: TASK_BATCH_JOB,
          payload: { task: task.name, inputs: request.body.inputs },
        });
      });
      return reply.status(202).send({ jobId: job.id });
    },
  );

  api.get(
    '/ai/generations',
    {
      schema: {
        tags,
        summary: 'The AI ledger: every call with prompt, response, tokens, cost and status, newest first',
        querystring: listGenerationsQuery,
        response: { 200: generationPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listGenerations(tx, userId, request.query));
    },
  );

  api.get(
    '/ai/generations/:id',
    { schema: { tags, summary: 'One call of the AI ledger', params: generationParams, response: { 200: generationSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getGeneration(tx, request.params.id));
    },
  );
}
