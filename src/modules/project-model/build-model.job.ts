import { z } from 'zod';
import { jobActor, recordAudit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { defineJobHandler, JobFailure, type JobHandler } from '../../core/jobs/index.js';
import { projectModelTask } from './ai/project-model/index.js';
import { keepCorrections } from './keep-corrections.js';
import { BUILD_MODEL_JOB, loadModelSources } from './model-build.service.js';
import { withoutDanglingReferences } from './model-references.js';
import { loadProjectModel, saveProjectModel } from './model-store.js';
import { requireModelProject } from './model.service.js';
import { validateModel } from './validate-model.js';

const payloadSchema = z.object({ instructions: z.string().max(4000).optional() }).strict();
type Payload = z.infer<typeof payloadSchema>;

/**
 * project-model.build: reads the idea, the answers, the documents and the current model, runs the project-model
 * task (offline engine or configured model) and saves the result as the model's next revision, with the corrections
 * people made kept. The revision names the AI call that built it.
 */
export function buildModelJob(context: AppContext): JobHandler {
  return defineJobHandler<Payload>({
    type: BUILD_MODEL_JOB,
    payload: payloadSchema,
    maxAttempts: 2,
    async run(job) {
      const { payload, projectId, createdBy, organizationId } = job.job;
      if (!projectId) throw new JobFailure('JOB_PAYLOAD_INVALID', 'A model build needs a project');
      await job.progress(5, 'Reading the idea, the answers and the documents');
      const sources = await withUser(context.db, createdBy, (tx) => loadModelSources(tx, createdBy, projectId, payload.instructions));
      await job.progress(20, `Reading ${sources.label}`);
      const generation = await context.ai.run(projectModelTask, sources.input, { organizationId, projectId, userId: createdBy, jobId: job.job.id, signal: job.signal });
      const built = withoutDanglingReferences(generation.output);
      let model = keepCorrections(sources.input.previous, built);
      const problems = validateModel(model);
      if (problems.length) {
        throw new JobFailure('MODEL_INVALID', `The built model does not hold together: ${problems[0]!.path}: ${problems[0]!.message}`, {
          partialResult: { generationId: generation.generationId, problems: problems.slice(0, 20) },
        });
      }
      await job.progress(90, 'Saving the model');
      const note = `Rebuilt from ${sources.label}${payload.instructions ? ', following the instructions' : ''}`;
      return {
        result: { generationId: generation.generationId },
        commit: async (tx) => {
          const project = await requireModelProject(tx, createdBy, projectId, 'write');
          // Corrections made while the model was being built are kept too.
          const current = await loadProjectModel(tx, projectId);
          if ((current?.rev ?? 0) !== sources.previousRev) model = keepCorrections(current?.model, built);
          const { rev } = await saveProjectModel(tx, createdBy, organizationId, projectId, model, {
            note,
            generationId: generation.generationId,
            version: project.currentVersion,
          });
          await recordAudit(tx, jobActor(createdBy), {
            action: 'project_model_rebuilt',
            resourceType: 'project',
            resourceId: projectId,
            organizationId,
            details: { rev, generationId: generation.generationId, jobId: job.job.id },
          });
          return { rev, note };
        },
      };
    },
  });
}
