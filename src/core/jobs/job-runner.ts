import crypto from 'node:crypto';
import os from 'node:os';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Tx } from '../db/database.js';
import { asBackground } from '../db/priority-gate.js';
import { asSystem, withUser } from '../db/tenancy.js';
import { AppError } from '../errors.js';
import { JobFailure, type JobContext, type JobHandler, type JobOutcome } from './job-handler.js';
import { cancelledError, onJobEnqueued, registerJobTypes, type JobRow } from './job-queue.js';
import { jobs, type JobError } from './jobs.schema.js';
import type { Subscription } from '../db/notifications.js';

export type JobRunnerLog = Pick<FastifyBaseLogger, 'debug' | 'info' | 'warn' | 'error'>;

export type JobRunnerOptions = {
  db: Database;
  handlers: readonly JobHandler[];
  log: JobRunnerLog;
  /** Jobs this runner runs at once. */
  concurrency: number;
  /**
   * At most this many running jobs of one organization at once, across every runner on the database (a job whose
   * heartbeat went stale does not count). Default: no limit.
   */
  perOrganization?: number;
  /** Sleep between claims when nothing is due and no notification can wake the runner (switched off, or lost). */
  pollIntervalMs: number;
  /**
   * While the database's notifications wake the runner (a job queued, a slot freed), the longest it sleeps anyway, in
   * case a notification was lost. Default 30 s.
   */
  fallbackPollMs?: number;
  /** How often a running job's heartbeat is renewed (and cancellation checked). */
  heartbeatMs: number;
  /** A running job whose heartbeat is older than this belongs to a dead process and is claimed again. */
  staleAfterMs: number;
  /** Names this process in app.jobs.locked_by; default host:pid:random. */
  workerId?: string;
  /** Delay before retry n (1-based): baseMs · 2^(n-1), at most maxMs, plus up to 10 % jitter. Default 2 s … 5 min. */
  retryBackoff?: { baseMs?: number; maxMs?: number };
  /** How long stop() waits for aborted handlers to return before releasing their jobs anyway. Default 10 s. */
  shutdownGraceMs?: number;
};

export type JobRunner = {
  readonly workerId: string;
  /** Starts claiming and running jobs in the background. */
  start(): void;
  /**
   * Stops claiming, aborts the jobs in flight and puts them back in the queue without counting the attempt, and
   * waits for their handlers (at most shutdownGraceMs).
   */
  stop(): Promise<void>;
  /** Claims at once instead of at the next poll (e.g. a job was just enqueued). */
  wake(): void;
  /** Claims one due job and runs it to the end; the job as it ended, or null when nothing was due. */
  runOnce(): Promise<JobRow | null>;
  /** runOnce until nothing is due; the number of attempts run. For tests and maintenance, not with start(). */
  drain(): Promise<number>;
  /** Jobs running now. */
  readonly activeCount: number;
};

type AbortReason = 'cancel' | 'lost' | 'shutdown';

type Execution = {
  row: JobRow;
  /** Unique per claim, stored in locked_by: a re-claim (even by this process) never matches an older claim. */
  token: string;
  controller: AbortController;
  reason: AbortReason | undefined;
  /** The row's outcome is written (or the claim is known lost): nothing more is written for this claim. */
  settled: boolean;
  settling: Promise<void> | undefined;
  heartbeat: NodeJS.Timeout | undefined;
  heartbeatStopped: boolean;
  /** The heartbeat statement in flight, if any. */
  beating: Promise<void> | undefined;
  done: Promise<void>;
};

/** Thrown inside the completion transaction to roll the job's effect back. */
class ClaimNotHeld extends Error {}

const MAX_MESSAGE = 2000;
const MAX_INT4 = 2_147_483_647;
/** First key of the per-organization claim lock (pg_try_advisory_xact_lock(class, hashtext(organization id))). */
const CLAIM_LOCK_CLASS = 0x6a6f62;
/** Organizations a claim tries, fewest running jobs first. */
const CLAIM_CANDIDATES = 20;
/** The channel app.jobs' triggers notify (migrations/0015_job_notifications.up.sql): '<job id> <kind>'. */
export const JOBS_CHANNEL = 'atelier_jobs';
/** Kinds of job notification that may let a runner claim something: a job became due, or a slot was freed. */
const WAKING_KINDS = new Set(['queued', 'freed']);
/** Added to a computed wake-up time, so the job is due by the time the runner looks. */
const DUE_MARGIN_MS = 5;

/** The rows of db.execute, whichever driver returned them. */
function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
const abandonedError: JobError = { code: 'JOB_ABANDONED', message: 'The job’s worker stopped responding during its last attempt' };

function abortErrorFor(reason: AbortReason): Error {
  if (reason === 'cancel') return new AppError('CANCELLED', cancelledError.message);
  if (reason === 'lost') return new Error('The job was taken over by another worker');
  return new Error('The server is shutting down; the job will run again');
}

/** An error of the query layer, whose message quotes the SQL and its parameters (Drizzle's "Failed query: …"). */
function isQueryError(error: Error): boolean {
  return 'query' in error && 'params' in error;
}

function sqlStateOf(error: unknown): string | null {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

function messageOf(error: unknown): string {
  // The job row is read by every member of the organization, so a failed query is named by its SQLSTATE only: the
  // statement, its parameters and even the database's message (which quotes the offending value) stay out of it.
  let text: string;
  if (!(error instanceof Error)) text = String(error);
  else if (isQueryError(error)) text = `A database query failed${sqlStateOf(error.cause) ? ` (SQLSTATE ${sqlStateOf(error.cause)})` : ''}`;
  else text = error.message;
  return (text || 'The job failed').slice(0, MAX_MESSAGE);
}

function isPermissionDenied(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '42501') return true;
  }
  return false;
}

type Failure = { error: JobError; retryable: boolean; partialResult?: Record<string, unknown> | undefined; cancelled?: boolean };

/** AppError: not retried, its code; JobFailure: as it says; permission denied: not retried; anything else: retried. */
function classify(error: unknown): Failure {
  if (error instanceof JobFailure) {
    return {
      error: { code: error.code, message: messageOf(error) },
      retryable: error.options.retryable ?? false,
      partialResult: error.options.partialResult,
    };
  }
  if (error instanceof AppError) {
    return { error: { code: error.code, message: messageOf(error) }, retryable: false, cancelled: error.code === 'CANCELLED' };
  }
  if (isPermissionDenied(error)) {
    return { error: { code: 'FORBIDDEN', message: 'The job’s creator is no longer allowed to make this change' }, retryable: false };
  }
  return { error: { code: 'JOB_FAILED', message: messageOf(error) }, retryable: true };
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, log, concurrency, pollIntervalMs, heartbeatMs, staleAfterMs } = options;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const backoffBase = options.retryBackoff?.baseMs ?? 2_000;
  const backoffMax = options.retryBackoff?.maxMs ?? 5 * 60_000;
  const shutdownGraceMs = options.shutdownGraceMs ?? 10_000;
  const handlers = new Map<string, JobHandler>();
  for (const handler of options.handlers) {
    if (handlers.has(handler.type)) throw new Error(`Two job handlers for type "${handler.type}"`);
    handlers.set(handler.type, handler);
  }
  registerJobTypes(options.handlers);

  const active = new Map<string, Execution>();
  let claimSequence = 0;
  let started = false;
  let stopping = false;
  let loopDone: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined;
  let subscription: Subscription | undefined;
  let sleeper: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  /** A wake-up came while the runner was not asleep (claiming): the next sleep is skipped, so nothing is missed. */
  let pending = false;
  /** While notifications wake the runner: when the next job becomes due or a running one could go stale (ms from now). */
  let nextDueInMs: number | undefined;
  const fallbackPollMs = options.fallbackPollMs ?? 30_000;
  // After a wake, a few quick re-polls: the enqueuing transaction may not have committed when the wake arrived.
  let quickPolls = 0;
  // The last claim found nothing only because another runner was claiming for the same organizations.
  let contended = false;
  const perOrganization = options.perOrganization ?? MAX_INT4;
  if (!(Number.isInteger(perOrganization) && perOrganization >= 1)) throw new Error('perOrganization must be an integer of at least 1');

  const staleBefore = sql`now() - ${staleAfterMs}::float8 * interval '1 millisecond'`;
  const owned = (execution: Execution) =>
    and(eq(jobs.id, execution.row.id), eq(jobs.lockedBy, execution.token), eq(jobs.status, 'running'));

  function interrupt(): void {
    if (!sleeper) {
      pending = true;
      return;
    }
    clearTimeout(sleeper.timer);
    sleeper.resolve();
    sleeper = undefined;
  }

  function sleep(ms: number): Promise<void> {
    if (pending) {
      pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        sleeper = undefined;
        resolve();
      }, ms);
      timer.unref();
      sleeper = { timer, resolve };
    });
  }

  function wake(): void {
    quickPolls = 4;
    interrupt();
  }

  /** Ends runs whose worker died: cancelled when cancellation was asked for, failed when no attempt is left. */
  async function reapAbandoned(): Promise<void> {
    const reaped = await asSystem(db, (tx) =>
      tx
        .update(jobs)
        .set({
          status: sql`CASE WHEN ${jobs.cancelRequestedAt} IS NOT NULL THEN 'cancelled' ELSE 'failed' END`,
          error: sql`CASE WHEN ${jobs.cancelRequestedAt} IS NOT NULL THEN ${JSON.stringify(cancelledError)}::jsonb
                     ELSE ${JSON.stringify(abandonedError)}::jsonb END`,
          finishedAt: sql`now()`,
          lockedBy: null,
        })
        .where(
          sql`${jobs.id} IN (SELECT j.id FROM app.jobs j
                WHERE j.status = 'running' AND j.heartbeat_at < ${staleBefore}
                  AND (j.attempts >= j.max_attempts OR j.cancel_requested_at IS NOT NULL)
                FOR UPDATE SKIP LOCKED)`,
        )
        .returning({ id: jobs.id, status: jobs.status }),
    );
    for (const job of reaped) log.warn({ jobId: job.id, status: job.status }, 'job abandoned by a worker that stopped responding');
  }

  /** A due job, or a running one whose worker stopped heart-beating (`j` is app.jobs). */
  const claimable = sql`((j.status = 'queued' AND j.run_at <= now())
    OR (j.status = 'running' AND j.heartbeat_at < ${staleBefore} AND j.attempts < j.max_attempts AND j.cancel_requested_at IS NULL))`;

  /**
   * Claims the oldest claimable job of the organization that runs the fewest jobs now, skipping organizations at the
   * perOrganization limit. Per organization, the claim holds a transaction-level advisory lock and counts that
   * organization's running jobs in a statement that starts after the lock is taken: a claim of another runner for the
   * same organization has either committed (and is counted) or still holds the lock (and the organization is skipped),
   * so the limit holds across processes. `contended` is set when only a held lock stood in the way.
   */
  async function claim(): Promise<{ row: JobRow; token: string } | undefined> {
    contended = false;
    // What was notified before this point is committed, so this claim sees it.
    pending = false;
    await reapAbandoned();
    const token = `${workerId}#${++claimSequence}`;
    const row = await asSystem(db, async (tx) => {
      const candidates = rowsOf<{ organization_id: string }>(
        await tx.execute(sql`
          SELECT c.organization_id
          FROM (SELECT j.organization_id, min(j.run_at) AS oldest FROM app.jobs j WHERE ${claimable} GROUP BY j.organization_id) c
          LEFT JOIN (SELECT r.organization_id, count(*) AS running FROM app.jobs r
                     WHERE r.status = 'running' AND r.heartbeat_at >= ${staleBefore} GROUP BY r.organization_id) n
            ON n.organization_id = c.organization_id
          WHERE coalesce(n.running, 0) < ${perOrganization}
          ORDER BY coalesce(n.running, 0), c.oldest
          LIMIT ${CLAIM_CANDIDATES}`),
      );
      for (const { organization_id: organizationId } of candidates) {
        const [lock] = rowsOf<{ locked: boolean }>(
          await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${CLAIM_LOCK_CLASS}::int, hashtext(${organizationId})) AS locked`),
        );
        if (!lock?.locked) {
          contended = true;
          continue;
        }
        const [claimed] = await tx
          .update(jobs)
          .set({
            status: 'running',
            lockedBy: token,
            lockedAt: sql`now()`,
            heartbeatAt: sql`now()`,
            attempts: sql`${jobs.attempts} + 1`,
            startedAt: sql`coalesce(${jobs.startedAt}, now())`,
          })
          .where(
            sql`${jobs.id} = (SELECT j.id FROM app.jobs j
                  WHERE j.organization_id = ${organizationId} AND ${claimable}
                    AND (SELECT count(*) FROM app.jobs r
                         WHERE r.organization_id = ${organizationId} AND r.status = 'running'
                           AND r.heartbeat_at >= ${staleBefore}) < ${perOrganization}
                  ORDER BY j.run_at
                  LIMIT 1
                  FOR UPDATE SKIP LOCKED)`,
          )
          .returning();
        if (claimed) return claimed;
      }
      if (listening()) nextDueInMs = await dueIn(tx);
      return undefined;
    });
    if (row) contended = false;
    return row ? { row, token } : undefined;
  }

  /** Whether notifications wake this runner now (the runner is started and its database's notifications arrive). */
  function listening(): boolean {
    return subscription !== undefined && db.notifications.listening;
  }

  /**
   * What no notification announces: a queued job whose run_at is still ahead (a retry's backoff, a scheduled job), and
   * a running job whose process could die silently (its heartbeat going stale). Milliseconds until the first of them,
   * or undefined when there is none; a job already due but not claimed waits for its organization's free slot, which
   * is notified.
   */
  async function dueIn(tx: Tx): Promise<number | undefined> {
    const [next] = rowsOf<{ in_ms: number | null }>(
      await tx.execute(sql`
        SELECT extract(epoch FROM least(
                 (SELECT min(j.run_at) FROM app.jobs j WHERE j.status = 'queued' AND j.run_at > now()),
                 (SELECT min(j.heartbeat_at) FROM app.jobs j WHERE j.status = 'running' AND j.heartbeat_at >= ${staleBefore})
                   + ${staleAfterMs}::float8 * interval '1 millisecond'
               ) - now()) * 1000 AS in_ms`),
    );
    const inMs = next?.in_ms;
    return inMs === null || inMs === undefined ? undefined : Math.max(0, Number(inMs)) + DUE_MARGIN_MS;
  }

  /** Writes the claim's outcome once, only while the claim is still held. */
  function settle(execution: Execution, what: string, values: PgUpdateSetSource<typeof jobs>): Promise<void> {
    if (execution.settled) return execution.settling ?? Promise.resolve();
    execution.settled = true;
    stopHeartbeat(execution);
    execution.settling = (async () => {
      const rows = await asSystem(db, (tx) => tx.update(jobs).set(values).where(owned(execution)).returning({ id: jobs.id }));
      if (rows.length === 0) log.warn({ jobId: execution.row.id }, `job claim lost before it was ${what}`);
      else log.debug({ jobId: execution.row.id, worker: execution.token }, `job ${what}`);
    })();
    return execution.settling;
  }

  const cancelValues = (partialResult?: Record<string, unknown>): PgUpdateSetSource<typeof jobs> => ({
    status: 'cancelled',
    error: cancelledError,
    finishedAt: sql`now()`,
    lockedBy: null,
    ...(partialResult ? { result: partialResult } : {}),
  });

  const requeueValues: PgUpdateSetSource<typeof jobs> = {
    status: 'queued',
    // The interrupted attempt does not count, and the job keeps its place in the queue.
    attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
    lockedBy: null,
    lockedAt: null,
    heartbeatAt: null,
  };

  function abort(execution: Execution, reason: AbortReason): void {
    if (execution.reason) return;
    execution.reason = reason;
    if (reason === 'lost') {
      // Someone else owns the row now: write nothing more.
      execution.settled = true;
      stopHeartbeat(execution);
      log.warn({ jobId: execution.row.id }, 'job claim lost: another worker took it over');
    } else if (reason === 'cancel') {
      void settle(execution, 'cancelled', cancelValues()).catch((error: unknown) =>
        log.error({ err: error, jobId: execution.row.id }, 'storing a job cancellation failed'),
      );
    }
    execution.controller.abort(abortErrorFor(reason));
  }

  /** Applies what the row says about our claim: gone (lost) or cancellation requested. */
  function observe(execution: Execution, row: { cancelRequestedAt: Date | null } | undefined): void {
    if (execution.settled) return;
    if (!row) abort(execution, 'lost');
    else if (row.cancelRequestedAt) abort(execution, 'cancel');
  }

  function stopHeartbeat(execution: Execution): void {
    execution.heartbeatStopped = true;
    if (execution.heartbeat) clearTimeout(execution.heartbeat);
    execution.heartbeat = undefined;
  }

  function scheduleHeartbeat(execution: Execution): void {
    if (execution.heartbeatStopped || execution.settled) return;
    execution.heartbeat = setTimeout(() => {
      execution.heartbeat = undefined;
      execution.beating = (async () => {
        try {
          const [row] = await asSystem(db, (tx) =>
            tx
              .update(jobs)
              .set({ heartbeatAt: sql`now()` })
              .where(owned(execution))
              .returning({ cancelRequestedAt: jobs.cancelRequestedAt }),
          );
          observe(execution, row);
        } catch (error) {
          // A passing database hiccup: the next beat tries again; a long outage lets another worker take over.
          log.warn({ err: error, jobId: execution.row.id }, 'job heartbeat failed');
        }
        execution.beating = undefined;
        scheduleHeartbeat(execution);
      })();
    }, heartbeatMs);
    execution.heartbeat.unref();
  }

  function throwIfAborted(execution: Execution): void {
    if (execution.controller.signal.aborted) throw execution.controller.signal.reason;
  }

  function contextFor(execution: Execution, payload: unknown, createdBy: string): JobContext<unknown> {
    const { row } = execution;
    return {
      job: {
        id: row.id,
        organizationId: row.organizationId,
        projectId: row.projectId,
        createdBy,
        type: row.type,
        payload,
        attempt: row.attempts,
      },
      checkpoint: row.checkpoint ?? null,
      signal: execution.controller.signal,
      async progress(percent, message) {
        throwIfAborted(execution);
        const value = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
        const [current] = await asSystem(db, (tx) =>
          tx
            .update(jobs)
            .set({ progress: value, ...(message === undefined ? {} : { progressMessage: message.slice(0, MAX_MESSAGE) }) })
            .where(owned(execution))
            .returning({ cancelRequestedAt: jobs.cancelRequestedAt }),
        );
        observe(execution, current);
        throwIfAborted(execution);
      },
      async saveCheckpoint(state) {
        throwIfAborted(execution);
        const [current] = await asSystem(db, (tx) =>
          tx
            .update(jobs)
            .set({ checkpoint: state ?? null })
            .where(owned(execution))
            .returning({ cancelRequestedAt: jobs.cancelRequestedAt }),
        );
        observe(execution, current);
        throwIfAborted(execution);
      },
    };
  }

  /** Status succeeded together with the handler's effect, as the creator, only while the claim is held. */
  async function complete(execution: Execution, createdBy: string, outcome: JobOutcome): Promise<void> {
    if (execution.settled) return;
    try {
      await withUser(db, createdBy, async (tx) => {
        const extra = outcome.commit ? await outcome.commit(tx) : undefined;
        const result = { ...outcome.result, ...(extra ?? {}) };
        const updated = await tx
          .update(jobs)
          .set({ status: 'succeeded', progress: 100, result, error: null, finishedAt: sql`now()`, lockedBy: null })
          .where(and(owned(execution), isNull(jobs.cancelRequestedAt)))
          .returning({ id: jobs.id });
        if (updated.length === 0) throw new ClaimNotHeld();
      });
      execution.settled = true;
      stopHeartbeat(execution);
      log.debug({ jobId: execution.row.id }, 'job succeeded');
    } catch (error) {
      if (!(error instanceof ClaimNotHeld)) return fail(execution, error);
      // The effect rolled back. Find out why: lost claim, a cancellation that came first, or lost access.
      const [row] = await asSystem(db, (tx) =>
        tx
          .select({ lockedBy: jobs.lockedBy, status: jobs.status, cancelRequestedAt: jobs.cancelRequestedAt })
          .from(jobs)
          .where(eq(jobs.id, execution.row.id)),
      );
      if (!row || row.lockedBy !== execution.token || row.status !== 'running') return abort(execution, 'lost');
      if (row.cancelRequestedAt) {
        abort(execution, 'cancel');
        return execution.settling;
      }
      return fail(execution, new JobFailure('FORBIDDEN', 'The job’s creator may no longer change this job'));
    }
  }

  async function fail(execution: Execution, error: unknown): Promise<void> {
    if (execution.settled) return;
    const failure = classify(error);
    if (failure.cancelled) return settle(execution, 'cancelled', cancelValues(failure.partialResult));
    const { row } = execution;
    if (failure.retryable && row.attempts < row.maxAttempts) {
      const delay = Math.min(backoffBase * 2 ** (row.attempts - 1), backoffMax) * (1 + Math.random() * 0.1);
      log.info({ jobId: row.id, attempt: row.attempts, retryInMs: Math.round(delay), error: failure.error }, 'job attempt failed; retrying');
      return settle(execution, 'queued for a retry', {
        status: 'queued',
        runAt: sql`now() + ${Math.round(delay)}::float8 * interval '1 millisecond'`,
        error: failure.error,
        lockedBy: null,
        lockedAt: null,
        heartbeatAt: null,
      });
    }
    log.info({ jobId: row.id, attempt: row.attempts, error: failure.error }, 'job failed');
    return settle(execution, 'failed', {
      status: 'failed',
      error: failure.error,
      finishedAt: sql`now()`,
      lockedBy: null,
      ...(failure.partialResult ? { result: failure.partialResult } : {}),
    });
  }

  async function execute(execution: Execution): Promise<void> {
    const { row } = execution;
    const handler = handlers.get(row.type);
    if (!handler) return fail(execution, new JobFailure('JOB_TYPE_UNKNOWN', `No handler for job type "${row.type}"`));
    if (!row.createdBy) return fail(execution, new JobFailure('JOB_CREATOR_GONE', 'The account that created the job no longer exists'));
    const parsed = handler.payload.safeParse(row.payload);
    if (!parsed.success) return fail(execution, new JobFailure('JOB_PAYLOAD_INVALID', `Invalid job payload: ${parsed.error.message}`));
    const createdBy = row.createdBy;
    scheduleHeartbeat(execution);
    let outcome: JobOutcome | undefined;
    let error: unknown;
    try {
      outcome = await handler.run(contextFor(execution, parsed.data, createdBy));
    } catch (thrown) {
      error = thrown;
    }
    stopHeartbeat(execution);
    // A beat in flight may still report a lost claim or a cancellation; let it land before deciding.
    await execution.beating;
    if (execution.reason === 'lost') return;
    if (execution.reason === 'cancel') return execution.settling;
    // A handler that finished despite a shutdown keeps its work; one that stopped runs again elsewhere.
    if (outcome) return complete(execution, createdBy, outcome);
    if (execution.reason === 'shutdown') return settle(execution, 'put back in the queue', requeueValues);
    return fail(execution, error);
  }

  function launch(claimed: { row: JobRow; token: string }): Execution {
    const execution: Execution = {
      row: claimed.row,
      token: claimed.token,
      controller: new AbortController(),
      reason: undefined,
      settled: false,
      settling: undefined,
      heartbeat: undefined,
      heartbeatStopped: false,
      beating: undefined,
      done: Promise.resolve(),
    };
    active.set(claimed.row.id, execution);
    log.debug({ jobId: claimed.row.id, type: claimed.row.type, attempt: claimed.row.attempts }, 'job claimed');
    execution.done = (stopping ? settle(execution, 'put back in the queue', requeueValues) : execute(execution))
      .catch((error: unknown) => log.error({ err: error, jobId: claimed.row.id }, 'storing a job outcome failed'))
      .finally(() => {
        stopHeartbeat(execution);
        if (active.get(claimed.row.id) === execution) active.delete(claimed.row.id);
        interrupt();
      });
    return execution;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      if (active.size < concurrency) {
        let claimed: { row: JobRow; token: string } | undefined;
        try {
          claimed = await claim();
        } catch (error) {
          if (!stopping) log.error({ err: error }, 'claiming a job failed');
        }
        if (claimed) {
          launch(claimed);
          continue;
        }
      }
      if (stopping) break;
      const quick = (quickPolls > 0 || contended) && active.size < concurrency;
      if (quick && !contended) quickPolls -= 1;
      await sleep(quick ? Math.min(25, pollIntervalMs) : idleSleepMs());
    }
  }

  /** Nothing to claim: poll at pollIntervalMs, or, while notifications wake the runner, sleep until something is due. */
  function idleSleepMs(): number {
    const due = nextDueInMs;
    nextDueInMs = undefined;
    if (!listening()) return pollIntervalMs;
    // At full capacity a finishing job interrupts the sleep; otherwise a notification does.
    return due === undefined || active.size >= concurrency ? fallbackPollMs : Math.min(due, fallbackPollMs);
  }

  async function readJob(id: string): Promise<JobRow | null> {
    const [row] = await asSystem(db, (tx) => tx.select().from(jobs).where(eq(jobs.id, id)));
    return row ?? null;
  }

  async function runOnce(): Promise<JobRow | null> {
    const claimed = await claim();
    if (!claimed) return null;
    const execution = launch(claimed);
    await execution.done;
    return readJob(claimed.row.id);
  }

  return {
    workerId,
    get activeCount() {
      return active.size;
    },
    start() {
      if (started) return;
      if (concurrency < 1) throw new Error('A job runner needs a concurrency of at least 1');
      started = true;
      // In this process, an enqueue wakes the runner at once; the database's notification (after the commit) wakes
      // every runner of every process, and lets the runner sleep long when nothing is due.
      unsubscribe = onJobEnqueued(() => {
        // The notification comes after the commit; a wake now would only poll before it.
        if (!listening()) wake();
      });
      subscription = db.notifications.subscribe(JOBS_CHANNEL, {
        notify(payload) {
          if (WAKING_KINDS.has(payload.slice(payload.indexOf(' ') + 1))) interrupt();
        },
        resync: interrupt,
      });
      // Jobs, and all the database work they do, yield to requests (core/db/priority-gate.ts).
      loopDone = asBackground(() => loop()).catch((error: unknown) => log.error({ err: error }, 'job runner stopped unexpectedly'));
      log.info({ worker: workerId, concurrency }, 'job runner started');
    },
    async stop() {
      stopping = true;
      unsubscribe?.();
      subscription?.close();
      interrupt();
      await loopDone;
      const inFlight = [...active.values()];
      for (const execution of inFlight) abort(execution, 'shutdown');
      const all = Promise.all(inFlight.map((execution) => execution.done));
      let timer: NodeJS.Timeout | undefined;
      const graceOver = await Promise.race([
        all.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), shutdownGraceMs);
        }),
      ]);
      clearTimeout(timer);
      if (graceOver) {
        // Handlers that ignore their signal: release their jobs so another process runs them now; whatever these
        // handlers still try to commit is refused because the claim is gone.
        await Promise.all(
          [...active.values()].map((execution) =>
            settle(execution, 'put back in the queue', requeueValues).catch((error: unknown) =>
              log.error({ err: error, jobId: execution.row.id }, 'releasing a job failed'),
            ),
          ),
        );
        log.warn({ jobs: [...active.keys()] }, 'job handlers did not stop in time; their jobs were released');
      }
      if (started) log.info({ worker: workerId }, 'job runner stopped');
    },
    wake,
    runOnce: () => asBackground(runOnce),
    async drain() {
      let count = 0;
      while (await runOnce()) count += 1;
      return count;
    },
  };
}
