import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { jobActor } from '../../core/audit.js';
import { withUser } from '../../core/db/tenancy.js';
import { defineJobHandler, JobFailure, type JobContext, type JobHandler, type JobOutcome } from '../../core/jobs/index.js';
import { createTasksFromPlan } from '../backlog/index.js';
import { ideaOf, IDEA_PIPELINE_JOB } from '../projects/index.js';
import { clarifyingQuestionsTask } from './ai/clarifying-questions/index.js';
import { documentKinds, pipelineTypes } from './document-kinds.js';
import { labelsFor } from './generate.job.js';
import { pipelineInput, requireWritableProject, savePipelineDocuments, storeClarifyingQuestions, type GeneratedDocument } from './generation.service.js';
import { buildProjectModel, saveBuiltModel } from './project-model-build.js';
import { projectModelSchema } from '../project-model/index.js';

const payloadSchema = z.object({ stage: z.enum(['questions', 'documents']) }).strict();
type Payload = z.infer<typeof payloadSchema>;

const checkpointSchema = z.object({
  /** The project model, built first and checkpointed like a document. */
  projectModel: z.object({ model: projectModelSchema, generationId: z.string(), provider: z.string(), modelName: z.string() }).optional(),
  done: z.array(z.object({ type: z.enum(pipelineTypes), output: z.unknown(), generationId: z.string(), provider: z.string(), model: z.string() })),
});
type Checkpoint = z.infer<typeof checkpointSchema>;

/**
 * projects.idea-pipeline (BusinessCopilot). Stage `questions`: two or three clarifying questions about the idea,
 * stored for the author, who answers (or skips) them. Stage `documents`: the project model from the idea and the
 * answers, then overview, PRD, SRS, marketing plan, technical design and delivery plan drawn from it, one gateway
 * call each, committed together as project version 1 (the model as its first revision for that version), the delivery
 * plan's tasks as the project's phase tasks, and the project `ready`. A failed stage leaves the project `processing`
 * with the job's error; answering again retries it.
 */
export function ideaPipelineJob(context: AppContext): JobHandler {
  return defineJobHandler<Payload>({
    type: IDEA_PIPELINE_JOB,
    payload: payloadSchema,
    maxAttempts: 3,
    run(job) {
      if (!job.job.projectId) throw new JobFailure('JOB_PAYLOAD_INVALID', 'The idea pipeline needs a project');
      return job.job.payload.stage === 'questions' ? questionsStage(context, job, job.job.projectId) : documentsStage(context, job, job.job.projectId);
    },
  });
}

async function questionsStage(context: AppContext, job: JobContext<Payload>, projectId: string): Promise<JobOutcome> {
  const { createdBy, organizationId } = job.job;
  await job.progress(10, 'Reading the idea');
  const idea = await withUser(context.db, createdBy, async (tx) => ideaOf(await requireWritableProject(tx, createdBy, projectId)));
  await job.progress(30, 'Preparing clarifying questions');
  const generation = await context.ai.run(clarifyingQuestionsTask, { idea }, {
    organizationId,
    projectId,
    userId: createdBy,
    jobId: job.job.id,
    signal: job.signal,
  });
  const questions = generation.output.questions.slice(0, 3);
  await job.progress(90, `Asking ${questions.length} question${questions.length === 1 ? '' : 's'} about the idea`);
  return {
    result: { stage: 'questions', generationId: generation.generationId },
    commit: async (tx) => {
      const { stored } = await storeClarifyingQuestions(tx, jobActor(createdBy), projectId, questions, generation.generationId);
      return { questions: stored };
    },
  };
}

async function documentsStage(context: AppContext, job: JobContext<Payload>, projectId: string): Promise<JobOutcome> {
  const { createdBy, organizationId } = job.job;
  await job.progress(0, 'Reading the idea and the answers');
  const { input } = await withUser(context.db, createdBy, (tx) => pipelineInput(tx, createdBy, projectId));
  const saved = checkpointSchema.safeParse(job.checkpoint);
  const state: Checkpoint = saved.success ? saved.data : { done: [] };
  const total = pipelineTypes.length + 1;
  if (!state.projectModel) {
    await job.progress(0, `Building the project model (1 of ${total})`);
    state.projectModel = await buildProjectModel(context.ai, input, { organizationId, projectId, userId: createdBy, jobId: job.job.id, signal: job.signal });
    await job.saveCheckpoint(state);
  }
  const built = state.projectModel;
  const drawn = { ...input, model: built.model };
  for (const [index, type] of pipelineTypes.entries()) {
    const kind = documentKinds[type];
    if (state.done.some((d) => d.type === type)) continue;
    await job.progress(Math.round(((index + 1) / total) * 100), `Writing the ${kind.label.toLowerCase()} (${index + 2} of ${total})`);
    const generation = await context.ai.run(kind.task, drawn, {
      organizationId,
      projectId,
      userId: createdBy,
      jobId: job.job.id,
      signal: job.signal,
    });
    state.done.push({ type, output: generation.output, generationId: generation.generationId, provider: generation.provider, model: generation.model });
    await job.saveCheckpoint(state);
    await job.progress(Math.round(((index + 2) / total) * 100), `Wrote the ${kind.label.toLowerCase()} (${index + 2} of ${total})`);
  }
  const labelOf = labelsFor(input);
  const generated: GeneratedDocument[] = pipelineTypes.map((type) => {
    const done = state.done.find((d) => d.type === type);
    if (!done) throw new Error(`The ${type} document was not generated`);
    const kind = documentKinds[type];
    return { kind, output: done.output, markdown: kind.render(done.output, { labelOf }), generationId: done.generationId, provider: done.provider, model: done.model };
  });
  return {
    result: { stage: 'documents', generationIds: [built.generationId, ...generated.map((g) => g.generationId)] },
    commit: async (tx) => {
      const actor = jobActor(createdBy);
      const saved = await savePipelineDocuments(tx, actor, projectId, generated, job.job.id);
      const model = await saveBuiltModel(tx, createdBy, organizationId, projectId, built, input, saved.version);
      // The delivery plan's phases become the project's tasks, with the documents or not at all.
      const plan = saved.documents.find((document) => document.type === 'tasks');
      const tasks = plan ? await createTasksFromPlan(tx, actor, projectId, plan.id) : undefined;
      return { version: saved.version, documents: saved.documents, modelRev: model.rev, ...(tasks ? { tasks: tasks.created } : {}) };
    },
  };
}
