import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { jobActor } from '../../core/audit.js';
import { withUser } from '../../core/db/tenancy.js';
import { defineJobHandler, JobFailure, type JobHandler } from '../../core/jobs/index.js';
import { createTasksFromPlan } from '../backlog/index.js';
import { passagesOf } from './ai/document-writer/index.js';
import { documentKinds, generatableTypes } from './document-kinds.js';
import { gatherContext, GENERATE_JOB, saveGeneratedDocument, type GeneratedDocument } from './generation.service.js';
import { buildProjectModel, saveBuiltModel, type BuiltModel } from './project-model-build.js';

const payloadSchema = z.object({ type: z.enum(generatableTypes), instructions: z.string().max(4000).optional() }).strict();
type Payload = z.infer<typeof payloadSchema>;

/** How a source id reads in the document: the source document's title and the section heading. */
export function labelsFor(input: Parameters<typeof passagesOf>[0]): (id: string) => string | undefined {
  const labels = new Map(passagesOf(input).map((p) => [p.id, p.label]));
  return (id) => labels.get(id);
}

/**
 * documents.generate: gathers the project's context (idea, answers, the current project model, retrieved sections of
 * the documents this kind builds on), builds the model first when the project has none, runs the document task
 * through the gateway, and stores the result in the job's commit — the built model as the project's next model
 * revision, and a new document or a new revision of the project's document of that type in the current version.
 */
export function generateDocumentJob(context: AppContext): JobHandler {
  return defineJobHandler<Payload>({
    type: GENERATE_JOB,
    payload: payloadSchema,
    maxAttempts: 3,
    async run(job) {
      const { payload, projectId, createdBy, organizationId } = job.job;
      if (!projectId) throw new JobFailure('JOB_PAYLOAD_INVALID', 'A generation job needs a project');
      const kind = documentKinds[payload.type];
      await job.progress(5, `Gathering the project's context for the ${kind.label}`);
      const gathered = await withUser(context.db, createdBy, (tx) => gatherContext(tx, createdBy, projectId, kind, payload.instructions));
      const cited = gathered.citations.length;
      const sourceNames = gathered.sourceDocuments.filter((s) => s.sections > 0).map((s) => s.title);
      await job.progress(
        20,
        cited
          ? `Writing the ${kind.label} from the idea and ${cited} section${cited === 1 ? '' : 's'} of ${sourceNames.length} document${sourceNames.length === 1 ? '' : 's'}`
          : `Writing the ${kind.label} from the idea`,
      );
      const call = { organizationId, projectId, userId: createdBy, jobId: job.job.id, signal: job.signal };
      let built: BuiltModel | undefined;
      if (!gathered.input.model) {
        await job.progress(10, 'Building the project model from the idea and the answers');
        built = await buildProjectModel(context.ai, gathered.input, call);
      }
      const input = built ? { ...gathered.input, model: built.model } : gathered.input;
      const generation = await context.ai.run(kind.task, input, call);
      await job.progress(90, `Saving the ${kind.label}`);
      const generated: GeneratedDocument = {
        kind,
        output: generation.output,
        markdown: kind.render(generation.output, { labelOf: labelsFor(gathered.input) }),
        generationId: generation.generationId,
        provider: generation.provider,
        model: generation.model,
      };
      return {
        result: { type: kind.type, generationId: generation.generationId, citations: cited },
        commit: async (tx) => {
          if (built) await saveBuiltModel(tx, createdBy, organizationId, projectId, built, input, gathered.project.currentVersion);
          const { document, created } = await saveGeneratedDocument(tx, jobActor(createdBy), projectId, generated, {
            jobId: job.job.id,
            citations: gathered.citations,
            instructions: payload.instructions,
          });
          // A regenerated delivery plan replaces the untouched tasks of the one before (createTasksFromPlan says how).
          const tasks = kind.type === 'tasks' ? await createTasksFromPlan(tx, jobActor(createdBy), projectId, document.id) : undefined;
          return { documentId: document.id, rev: document.currentRev, created, ...(tasks ? { tasks } : {}) };
        },
      };
    },
  });
}
