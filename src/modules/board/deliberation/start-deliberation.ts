import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../core/db/database.js';
import { enqueueJob } from '../../../core/jobs/index.js';
import { boardSessions } from '../board.schema.js';

/** The job that runs (or resumes) one session's deliberation. */
export const DELIBERATE_JOB = 'board.deliberate';
export const deliberatePayloadSchema = z.object({ sessionId: z.uuid() }).strict();
export type DeliberatePayload = z.infer<typeof deliberatePayloadSchema>;

/**
 * Queues a run of the session's deliberation and records the job on the session, in the caller's transaction: a
 * session is never active without a job that will move it. The job acts as `actingUserId` (the owner, or the admin
 * who resumed it), with that user's rights.
 */
export async function enqueueDeliberation(
  tx: Tx,
  session: { id: string; organizationId: string; projectId: string | null },
  actingUserId: string,
): Promise<string> {
  const job = await enqueueJob(tx, {
    type: DELIBERATE_JOB,
    organizationId: session.organizationId,
    projectId: session.projectId,
    createdBy: actingUserId,
    payload: { sessionId: session.id } satisfies DeliberatePayload,
  });
  await tx.update(boardSessions).set({ jobId: job.id }).where(eq(boardSessions.id, session.id));
  return job.id;
}
