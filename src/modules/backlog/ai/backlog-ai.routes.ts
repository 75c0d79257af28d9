import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { jobAcceptedSchema } from '../../jobs/index.js';
import { projectRoleFirst } from '../../projects/index.js';
import { requireBacklogAccess } from '../backlog-access.js';
import {
  acceptProposalsBody,
  acceptProposalsResultSchema,
  estimateBody,
  estimateSchema,
  generateStoriesBody,
  planSprintBody,
  projectBacklogParams,
  similarStoriesQuery,
  similarStoriesSchema,
  sprintParams,
  sprintPlanSchema,
} from '../backlog.contract.js';
import { acceptProposals } from './accept-proposals.service.js';
import { enqueueStoryGeneration } from './generate-stories.service.js';
import { suggestSprintPlan } from './plan-sprint.service.js';
import { estimateCandidates, estimateStory, findSimilarStories } from './story-insights.service.js';

const tags = ['backlog'];

/** The backlog's AI help: stories proposed from a document, their acceptance, estimates, duplicates, sprint planning. */
export async function registerBacklogAiRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const editorsFirst = projectRoleFirst(db, 'editor');
  const stories = '/projects/:projectId/stories';

  api.post(
    `${stories}/generate`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary:
          'Propose epics and stories from a PRD, an SRS or the project model as a background job (editors and up); the job’s result holds `epics` and `proposals`, nothing is added until they are accepted',
        params: projectBacklogParams,
        body: generateStoriesBody,
        response: { 202: jobAcceptedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const job = await withUser(db, actor.userId, (tx) => enqueueStoryGeneration(tx, actor, request.params.projectId, request.body));
      return reply.status(202).send({ jobId: job.id });
    },
  );

  api.post(
    `${stories}/accept`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary:
          'Turn the chosen proposals of a story generation job, with edits, into stories and epics in one transaction (editors and up); a job is accepted once',
        params: projectBacklogParams,
        body: acceptProposalsBody,
        response: { 201: acceptProposalsResultSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const result = await withUser(db, actor.userId, (tx) => acceptProposals(tx, actor, request.params.projectId, request.body));
      return reply.status(201).send(result);
    },
  );

  api.post(
    `${stories}/estimate`,
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary: 'Suggest story points from the similar finished stories of the project, naming them; null when none is similar enough (editors and up)',
        params: projectBacklogParams,
        body: estimateBody,
        response: { 200: estimateSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const { projectId } = request.params;
      // The candidates are read in a short transaction; the model call runs outside any.
      const loaded = await withUser(db, actor.userId, async (tx) => {
        const project = await requireBacklogAccess(tx, actor.userId, projectId, 'write');
        return { project, candidates: await estimateCandidates(tx, project, request.body) };
      });
      return estimateStory(context.ai, loaded, actor.userId, request.body);
    },
  );

  api.get(
    `${stories}/similar`,
    {
      schema: {
        tags,
        summary: 'Open stories that read like a title and description being written (possible duplicates), most alike first',
        params: projectBacklogParams,
        querystring: similarStoriesQuery,
        response: { 200: similarStoriesSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => findSimilarStories(tx, userId, request.params.projectId, request.query));
    },
  );

  api.post(
    '/projects/:projectId/sprints/:sprintId/plan',
    {
      preValidation: editorsFirst,
      schema: {
        tags,
        summary:
          'Suggest the stories from the top of the backlog that fit the capacity (default: the rolling velocity of the last completed sprints), with those passed over and why; moves nothing',
        params: sprintParams,
        body: planSprintBody,
        response: { 200: sprintPlanSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => suggestSprintPlan(tx, userId, request.params.projectId, request.params.sprintId, request.body));
    },
  );
}
