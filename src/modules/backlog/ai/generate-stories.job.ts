import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { defineJobHandler, JobFailure, type JobHandler } from '../../../core/jobs/index.js';
import { ensureProjectModel } from '../../project-model/index.js';
import { GENERATE_STORIES_JOB, loadStorySource } from './generate-stories.service.js';
import { normalizeProposals, storyGenerationTask } from './story-generation/index.js';

const payloadSchema = z.object({ from: z.union([z.uuid(), z.literal('model')]), instructions: z.string().max(2000).optional() }).strict();
type Payload = z.infer<typeof payloadSchema>;

/**
 * backlog.generate-stories: reads the PRD, SRS or other document (or only the project model), loads the project model
 * (building and saving one first when the project has none), and asks for epics and story proposals. Nothing is
 * written to the backlog: the proposals wait in the job's result until someone accepts some of them
 * (POST …/stories/accept), which the ledger row of this call then records.
 */
export function generateStoriesJob(context: AppContext): JobHandler {
  return defineJobHandler<Payload>({
    type: GENERATE_STORIES_JOB,
    payload: payloadSchema,
    maxAttempts: 2,
    async run(job) {
      const { payload, projectId, createdBy, organizationId } = job.job;
      if (!projectId) throw new JobFailure('JOB_PAYLOAD_INVALID', 'A story generation job needs a project');
      await job.progress(5, 'Reading the source');
      const source = await withUser(context.db, createdBy, (tx) => loadStorySource(tx, createdBy, projectId, payload));
      const call = { organizationId, projectId, userId: createdBy, jobId: job.job.id, signal: job.signal };
      const { model, built } = await ensureProjectModel(context, call, 'Built for backlog stories');
      if (built) await job.progress(15, 'Read the project into its model');
      await job.progress(20, `Proposing stories from ${source.label}`);
      const generation = await context.ai.run(storyGenerationTask, { ...source.input, model }, call);
      const { epics, proposals } = normalizeProposals(generation.output);
      await job.progress(95, `${proposals.length} stor${proposals.length === 1 ? 'y' : 'ies'} proposed`);
      return {
        result: {
          generationId: generation.generationId,
          sourceDocumentId: source.documentId,
          epics,
          proposals,
        },
      };
    },
  });
}
