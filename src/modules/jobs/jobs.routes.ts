import type { AppContext } from '../../core/context.js';
import { follow } from '../../core/db/notifications.js';
import { withUser } from '../../core/db/tenancy.js';
import { AppError } from '../../core/errors.js';
import { requireAuth, type ZodApp } from '../../core/http/request-context.js';
import { sseStreams } from '../../core/http/sse.js';
import { JOBS_CHANNEL } from '../../core/jobs/index.js';
import { jobPageSchema, jobParams, jobSchema, listJobsQuery, type Job } from './jobs.contract.js';
import { cancelJob, getJob, listJobs } from './jobs.service.js';

const tags = ['jobs'];

/** Without notifications, how often an event stream re-reads its job (as the user, so it follows jobs run by any process). */
const EVENTS_POLL_MS = 250;

const isFinished = (job: Job) => job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';
const stateOf = (job: Job) => JSON.stringify([job.status, job.progress, job.progressMessage, job.cancelRequestedAt]);

/** GET /jobs/{id}, GET /jobs/{id}/events (Server-Sent Events), POST /jobs/{id}/cancel, GET /jobs. */
export async function jobsRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const streams = sseStreams(api);

  api.get(
    '/jobs',
    {
      schema: {
        tags,
        summary: 'Background jobs newest first, of one organization (or project) or all of yours',
        querystring: listJobsQuery,
        response: { 200: jobPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listJobs(tx, userId, request.query));
    },
  );

  api.get(
    '/jobs/:id',
    {
      schema: {
        tags,
        summary: 'One background job: status, progress, result or error',
        params: jobParams,
        response: { 200: jobSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getJob(tx, request.params.id));
    },
  );

  api.post(
    '/jobs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a job (its creator or an organization admin): a queued one at once, a running one as soon as its worker notices',
        params: jobParams,
        response: { 200: jobSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => cancelJob(tx, request.params.id));
    },
  );

  api.get(
    '/jobs/:id/events',
    {
      schema: {
        tags,
        summary: 'Follow a job as Server-Sent Events until it ends',
        description:
          'A text/event-stream: `event: progress` with the job as data right away and whenever its status, progress or ' +
          'message changes, a comment line every 15 s, and `event: end` with the finished job, after which the server ' +
          'closes the stream.',
        params: jobParams,
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const id = request.params.id;
      // Before the stream starts, errors (404 included) get the usual JSON error shape.
      const first = await withUser(db, userId, (tx) => getJob(tx, id));

      const stream = streams.open(request, reply);
      let last = stateOf(first);
      stream.send('progress', first);
      if (isFinished(first)) {
        stream.send('end', first);
        stream.close();
        return;
      }

      // Woken by the job's notifications (its triggers notify every status, progress or message change); every
      // watcher of the job in this process shares one subscription.
      await follow({
        notifications: db.notifications,
        channel: JOBS_CHANNEL,
        key: id,
        fallbackPollMs: context.config.notifications.fallbackPollMs,
        pollMs: EVENTS_POLL_MS,
        signal: stream.signal,
        async read() {
          let job: Job;
          try {
            job = await withUser(db, userId, (tx) => getJob(tx, id));
          } catch (error) {
            if (stream.signal.aborted) return 'done';
            if (error instanceof AppError) {
              // Gone (deleted with its organization, or the user lost access) while we were following it.
              stream.send('error', { code: error.code, message: error.message });
            } else {
              request.log.warn({ err: error, jobId: id }, 'job event stream stopped');
              stream.send('error', { code: 'INTERNAL', message: 'The stream stopped; reconnect to continue following the job' });
            }
            stream.close();
            return 'done';
          }
          if (stream.signal.aborted) return 'done';
          if (isFinished(job)) {
            stream.send('end', job);
            stream.close();
            return 'done';
          }
          const state = stateOf(job);
          if (state !== last) {
            last = state;
            stream.send('progress', job);
          }
          return 'wait';
        },
      });
    },
  );
}
