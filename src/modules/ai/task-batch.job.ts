import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import type { AiTask, Generation } from '../../core/ai/index.js';
import { aiGenerations } from '../../core/ai/ai.schema.js';
import { parseOutput } from '../../core/ai/structured-output.js';
import { withUser } from '../../core/db/tenancy.js';
import { jobActor, recordAudit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { defineJobHandler, JobFailure, type JobHandler } from '../../core/jobs/index.js';

export const TASK_BATCH_JOB = 'ai.task-batch';

const payloadSchema = z.object({ task: z.string(), inputs: z.array(z.unknown()).min(1).max(50) }).strict();
type Payload = z.infer<typeof payloadSchema>;

type Produced = {
  generationIds: string[];
  outputs: unknown[];
  tokensIn: number;
  tokensOut: number;
  cost: number;
  provider?: string | undefined;
  model?: string | undefined;
};
/**
 * What an attempt leaves for the next one: the ledger rows of the inputs done and the running totals. The outputs
 * themselves are in those rows; keeping them here too would rewrite every earlier output after each input (a
 * checkpoint that grows with the batch, and much database work while the job runs). Checkpoints written with their
 * outputs (`outputs`) are still read.
 */
type Checkpoint = Omit<Produced, 'outputs'>;
const checkpointSchema = z.object({
  generationIds: z.array(z.string()),
  outputs: z.array(z.unknown()).optional(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  cost: z.number(),
  provider: z.string().optional(),
  model: z.string().optional(),
});

/** "Writing the project brief…", or "Writing project briefs: 2 of 5…" for a batch. */
function progressMessage(taskName: string, index: number, total: number): string {
  const what = taskName.replace(/-/g, ' ');
  return total === 1 ? `Writing the ${what}…` : `Writing ${what}s: ${index + 1} of ${total}…`;
}

function resultOf(task: string, total: number, produced: Produced): Record<string, unknown> {
  return { task, total, completed: produced.outputs.length, ...produced };
}

function checkpointOf(produced: Produced): Checkpoint {
  const { outputs: _outputs, ...rest } = produced;
  return rest;
}

/**
 * The outputs of the ledger rows `generationIds`, in order, as far as they can be read back: a row whose answer no
 * longer parses ends the list, and its input is asked again.
 */
async function outputsOf(context: AppContext, userId: string, task: AiTask, generationIds: readonly string[]): Promise<unknown[]> {
  if (generationIds.length === 0) return [];
  const rows = await withUser(context.db, userId, (tx) =>
    tx.select({ id: aiGenerations.id, response: aiGenerations.response }).from(aiGenerations).where(inArray(aiGenerations.id, [...generationIds])),
  );
  const responses = new Map(rows.map((row) => [row.id, row.response]));
  const outputs: unknown[] = [];
  for (const id of generationIds) {
    const response = responses.get(id);
    if (typeof response !== 'string') break;
    if (task.kind === 'text') {
      outputs.push(response);
      continue;
    }
    const parsed = parseOutput(task, response);
    if (!parsed.ok) break;
    outputs.push(parsed.value);
  }
  return outputs;
}

/**
 * Runs one AI task over several inputs as a background job. Each finished input is checkpointed, so an attempt that
 * follows a crash resumes at the first unfinished input and no call is paid for twice. When a budget stops the run,
 * the job fails with BUDGET_EXCEEDED and keeps the outputs produced so far.
 */
export function taskBatchJob(context: AppContext): JobHandler {
  return defineJobHandler<Payload>({
    type: TASK_BATCH_JOB,
    payload: payloadSchema,
    async run(job) {
      const task = context.aiTasks.find(job.job.payload.task);
      if (!task) throw new AppError('NOT_FOUND', `No AI task named ${job.job.payload.task}`);
      const { inputs } = job.job.payload;
      const saved = checkpointSchema.safeParse(job.checkpoint);
      const produced: Produced = { generationIds: [], outputs: [], tokensIn: 0, tokensOut: 0, cost: 0 };
      if (saved.success) {
        const outputs = saved.data.outputs ?? (await outputsOf(context, job.job.createdBy, task, saved.data.generationIds));
        // Inputs whose output could not be read back are asked again; what was spent on them stays counted.
        Object.assign(produced, saved.data, { outputs, generationIds: saved.data.generationIds.slice(0, outputs.length) });
      }
      for (let index = produced.outputs.length; index < inputs.length; index++) {
        await job.progress(Math.floor((index / inputs.length) * 100), progressMessage(task.name, index, inputs.length));
        let generation: Generation<unknown>;
        try {
          generation = await context.ai.run(task as Parameters<typeof context.ai.run>[0], inputs[index], {
            organizationId: job.job.organizationId,
            projectId: job.job.projectId,
            userId: job.job.createdBy,
            jobId: job.job.id,
            signal: job.signal,
          });
        } catch (error) {
          if (error instanceof AppError && error.code === 'BUDGET_EXCEEDED') {
            throw new JobFailure(error.code, error.message, { partialResult: resultOf(task.name, inputs.length, produced) });
          }
          throw error;
        }
        produced.generationIds.push(generation.generationId);
        produced.outputs.push(generation.output);
        produced.tokensIn += generation.tokensIn;
        produced.tokensOut += generation.tokensOut;
        produced.cost = Math.round((produced.cost + generation.cost) * 1_000_000) / 1_000_000;
        produced.provider = generation.provider;
        produced.model = generation.model;
        await job.saveCheckpoint(checkpointOf(produced));
      }
      await job.progress(100, inputs.length === 1 ? 'Done' : `Done: ${inputs.length} results`);
      return {
        result: resultOf(task.name, inputs.length, produced),
        // The effect a person sees, committed with the job's completion: exactly once.
        commit: async (tx) => {
          await recordAudit(
            tx,
            jobActor(job.job.createdBy),
            {
              action: 'ai_batch_completed',
              resourceType: 'job',
              resourceId: job.job.id,
              organizationId: job.job.organizationId,
              details: { task: task.name, inputs: inputs.length, cost: produced.cost },
            },
          );
        },
      };
    },
  });
}
