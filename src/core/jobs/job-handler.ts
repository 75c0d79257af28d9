import type { z } from 'zod';
import type { Tx } from '../db/database.js';

/** What a handler gets for one attempt at a job. */
export type JobContext<P> = {
  job: {
    id: string;
    organizationId: string;
    projectId: string | null;
    createdBy: string;
    type: string;
    payload: P;
    /** 1 for the first attempt. */
    attempt: number;
  };
  /** What an earlier attempt saved with saveCheckpoint, or null. */
  checkpoint: unknown;
  /** Aborted on cancellation, on a lost claim (another process took the job over) or on shutdown. */
  signal: AbortSignal;
  /** Stored on the job row (0–100); also checks cancellation, and throws once the signal is aborted. */
  progress(percent: number, message?: string): Promise<void>;
  /** Survives a crash: the next attempt resumes from it. */
  saveCheckpoint(state: unknown): Promise<void>;
};

export type JobOutcome = {
  result: Record<string, unknown>;
  /**
   * The job's effect, committed in ONE transaction (as the job's creator, RLS applies) together with
   * status=succeeded, only if this process still holds the claim — so the effect exists exactly once even if two
   * processes ran the job. Use only `tx` here: on PGlite any other database call would wait for this transaction.
   * Returned fields are merged into the result.
   */
  commit?: (tx: Tx) => Promise<Record<string, unknown> | void>;
};

export type JobHandler<P = unknown> = {
  /** Matches app.jobs.type: lowercase, `^[a-z][a-z0-9_.-]{0,99}$`, e.g. `project.brief`. */
  type: string;
  payload: z.ZodType<P>;
  /** Default for jobs of this type (1–20); the table's default is 3. */
  maxAttempts?: number;
  run(ctx: JobContext<P>): Promise<JobOutcome>;
};

/**
 * A failure the handler describes itself: its code and message are stored on the job. Not retried unless
 * `retryable`; `partialResult` is kept as the job's result.
 */
export class JobFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly options: { retryable?: boolean; partialResult?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** Handlers are registered with their own payload type; collections of them erase it. */
export function defineJobHandler<P>(handler: JobHandler<P>): JobHandler {
  return handler;
}
