import { jobActor, recordAudit } from '../../../core/audit.js';
import type { AppContext } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { JobFailure, type JobContext, type JobOutcome } from '../../../core/jobs/index.js';
import type { StopReason } from '../board.contract.js';
import { frameProblem } from './framing.js';
import { seatPanel } from './panel.js';
import { runRounds } from './rounds.js';
import { DeliberationRun } from './run-context.js';
import { advanceSession, SessionNotActive } from './session-store.js';
import type { DeliberatePayload } from './start-deliberation.js';
import { writeDecision } from './synthesis.js';
import { collectVotes } from './voting.js';

/**
 * One run of a session's deliberation, from wherever the session is: framing, panel, rounds, votes, synthesis.
 * Everything it decides is read back from the database (a resumed run replays finished rounds without a call), and
 * every call's result is stored with its cost in one transaction as soon as it arrives — the checkpoint.
 *
 * The session's totals are the sum of the calls whose results the session keeps: framing, contributions, moderator
 * interventions, votes, the single-model baseline and the synthesis. (A project model built on the way belongs to the
 * project and is not counted.)
 *
 * This file holds the order of the phases and what ends a run; each phase is its own module (framing, panel, rounds,
 * voting, synthesis), sharing the run's state through DeliberationRun (run-context.ts).
 */
export async function runDeliberation(context: AppContext, job: JobContext<DeliberatePayload>): Promise<JobOutcome> {
  const sessionId = job.job.payload.sessionId;
  const run = await DeliberationRun.open(context, job);
  if (!run) throw new JobFailure('NOT_FOUND', 'The board session no longer exists');
  if (run.session.status !== 'active') return { result: { sessionId, status: run.session.status } };

  try {
    const problem = await run.problemInput();

    // ── 1. Framing: sub-questions, options, and perhaps clarifying questions ──────────────────────────────────────
    if (run.session.options.length < 2) {
      const framing = await frameProblem(run, problem);
      if (framing === 'awaiting_input') return { result: { sessionId, status: 'paused', phase: 'awaiting_input' } };
    }

    // ── 2. The panel ──────────────────────────────────────────────────────────────────────────────────────────────
    const panel = await seatPanel(run);
    await run.loadStoredResults();

    // ── 3. The rounds ─────────────────────────────────────────────────────────────────────────────────────────────
    let stopReason = run.session.stopReason as StopReason | null;
    if (!stopReason && (run.session.phase === 'initial_round' || run.session.phase === 'deliberation')) {
      stopReason = await runRounds(run, panel, problem);
    }

    // ── 4. The votes ──────────────────────────────────────────────────────────────────────────────────────────────
    if (run.session.phase === 'voting') await collectVotes(run, panel, problem);

    // ── 5. The synthesis ──────────────────────────────────────────────────────────────────────────────────────────
    const recommendation = await writeDecision(run, panel, problem, stopReason);
    return { result: { sessionId, status: 'completed', recommendation } };
  } catch (error) {
    if (error instanceof SessionNotActive) return { result: { sessionId, status: error.status } };
    // A kill cancels the job: the runner records the cancellation; the session is already killed.
    if (job.signal.aborted) throw error;
    if (isFinal(error, job.job.attempt)) await markFailed(run, error).catch(() => undefined);
    throw error;
  }
}

/** The deliberate job's attempts: a crash or a passing error resumes from the checkpoint this many times in all. */
export const DELIBERATE_MAX_ATTEMPTS = 5;

/** Whether the runner will not try again: then the session fails with the error. */
function isFinal(error: unknown, attempt: number): boolean {
  if (error instanceof JobFailure) return !error.options.retryable || attempt >= DELIBERATE_MAX_ATTEMPTS;
  if (error instanceof AppError) return error.code !== 'CANCELLED';
  return attempt >= DELIBERATE_MAX_ATTEMPTS;
}

async function markFailed(run: DeliberationRun, error: unknown): Promise<void> {
  const { sessionId, userId } = run;
  const failure = describe(error);
  await run.inTx(async (tx) => {
    const row = await advanceSession(tx, sessionId, { status: 'failed', error: failure });
    await recordAudit(tx, jobActor(userId), {
      action: 'board_session_failed',
      resourceType: 'board_session',
      resourceId: sessionId,
      organizationId: row.organizationId,
      details: failure,
    });
  });
}

/** What the session shows of a failure: an AppError's or JobFailure's own words; nothing of a database error. */
function describe(error: unknown): { code: string; message: string } {
  if (error instanceof JobFailure || error instanceof AppError) return { code: error.code, message: error.message.slice(0, 2000) };
  return { code: 'BOARD_FAILED', message: 'The deliberation failed; see the job for details' };
}
