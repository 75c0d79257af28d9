import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { jobActor } from '../../core/audit.js';
import { withUser } from '../../core/db/tenancy.js';
import { defineJobHandler, JobFailure, type JobHandler } from '../../core/jobs/index.js';
import { ensureProjectModel } from '../project-model/index.js';
import {
  generateWireframeTask,
  screenSetRequests,
  wireframeFacts,
  wireframeTemplateTypes,
  type WireframeOutput,
  type WireframeTaskInput,
} from './ai/generate-wireframe/index.js';
import { splitModelDocument } from './model-output.js';
import { sanitizeOffThread, type CleanMarkup } from './sanitize-off-thread.js';
import { GENERATE_WIREFRAMES_JOB, wireframeContext } from './wireframe-generation.service.js';
import { insertWireframe, requireWireframesAccess } from './wireframes.service.js';

const payloadSchema = z
  .object({
    from: z.string().max(100).optional(),
    screen: z.string().max(200).optional(),
    templateType: z.enum(wireframeTemplateTypes).optional(),
  })
  .strict();
type Payload = z.infer<typeof payloadSchema>;

type ScreenRequest = Pick<WireframeTaskInput, 'screen' | 'templateType' | 'entity'>;
type Drawn = {
  request: ScreenRequest;
  output: WireframeOutput;
  generationId: string;
  provider: string;
  model: string;
  /** The answer's markup split into HTML and CSS, and that sanitized (off the request thread, before the commit). */
  markup: { html: string; css: string };
  clean: CleanMarkup;
};

/**
 * wireframes.generate: one screen when the payload names a screen or a template, otherwise a set drawn from the
 * project model (sign-in, the dashboard of its metrics, and a list, a detail and a form for each main entity). The
 * model is the project's current one, built and saved first when the project has none. Every screen is one gateway call made
 * outside any transaction; all of them are saved together, sanitized, in the job's commit, so a set exists once
 * and whole.
 */
export function generateWireframesJob(context: AppContext): JobHandler {
  return defineJobHandler<Payload>({
    type: GENERATE_WIREFRAMES_JOB,
    payload: payloadSchema,
    maxAttempts: 3,
    async run(job) {
      const { payload, projectId, createdBy, organizationId } = job.job;
      if (!projectId) throw new JobFailure('JOB_PAYLOAD_INVALID', 'A wireframe job needs a project');
      await job.progress(5, 'Reading the project and its requirements');
      const loaded = await withUser(context.db, createdBy, (tx) => wireframeContext(tx, createdBy, projectId, payload.from));
      const { sourceDocumentId } = loaded;
      const call = { organizationId, projectId, userId: createdBy, jobId: job.job.id, signal: job.signal };
      const { model } = await ensureProjectModel(context, call, 'Built for wireframes');
      const base = { ...loaded.base, model };
      const requests: ScreenRequest[] =
        payload.screen || payload.templateType
          ? [{ ...(payload.screen ? { screen: payload.screen } : {}), ...(payload.templateType ? { templateType: payload.templateType } : {}) }]
          : screenSetRequests(wireframeFacts(base));

      const drawn: Drawn[] = [];
      for (const [index, request] of requests.entries()) {
        const name = request.screen ?? `the ${request.templateType} screen`;
        await job.progress(10 + Math.round((80 * index) / requests.length), `Drawing screen ${index + 1} of ${requests.length}: ${name}`);
        const generation = await context.ai.run(generateWireframeTask, { ...base, ...request }, call);
        const markup = splitModelDocument(generation.output.html, generation.output.css);
        const clean = await sanitizeOffThread(context.offload, markup.html, markup.css || null, job.signal);
        drawn.push({ request, output: generation.output, generationId: generation.generationId, provider: generation.provider, model: generation.model, markup, clean });
      }
      await job.progress(92, `Saving ${drawn.length} wireframe${drawn.length === 1 ? '' : 's'}`);
      return {
        result: { screens: drawn.length },
        commit: async (tx) => {
          const actor = jobActor(createdBy);
          const project = await requireWireframesAccess(tx, createdBy, projectId, 'write');
          const wireframeIds: string[] = [];
          for (const item of drawn) {
            const { markup } = item;
            const saved = await insertWireframe(
              tx,
              actor,
              project,
              {
                title: item.output.title,
                description: item.output.description || null,
                htmlContent: markup.html,
                cssContent: markup.css || null,
                templateType: item.output.templateType,
                sourceDocumentId,
                generationId: item.generationId,
                metadata: {
                  generatedBy: { task: generateWireframeTask.name, provider: item.provider, model: item.model, generationId: item.generationId },
                  jobId: job.job.id,
                  ...(item.request.screen ? { screen: item.request.screen } : {}),
                },
              },
              item.clean,
              { jobId: job.job.id, generationId: item.generationId },
            );
            wireframeIds.push(saved.id);
          }
          return { wireframeIds };
        },
      };
    },
  });
}
