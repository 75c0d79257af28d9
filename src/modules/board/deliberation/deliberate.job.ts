import type { AppContext } from '../../../core/context.js';
import { defineJobHandler, type JobHandler } from '../../../core/jobs/index.js';
import { DELIBERATE_MAX_ATTEMPTS, runDeliberation } from './deliberation.js';
import { DELIBERATE_JOB, deliberatePayloadSchema, type DeliberatePayload } from './start-deliberation.js';

/**
 * board.deliberate: moves a session from its problem to its decision (deliberation.ts), resuming from what the
 * database holds after a crash, a pause or a retry. Runs as the job's creator, under row level security.
 */
export function deliberateJob(context: AppContext): JobHandler {
  return defineJobHandler<DeliberatePayload>({
    type: DELIBERATE_JOB,
    payload: deliberatePayloadSchema,
    maxAttempts: DELIBERATE_MAX_ATTEMPTS,
    run: (job) => runDeliberation(context, job),
  });
}
