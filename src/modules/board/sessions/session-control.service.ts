import { and, eq, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { requestCancel } from '../../../core/jobs/index.js';
import { liveSessionStatuses } from '../../../shared/board-kinds.js';
import { forbidden, memberRoleOf, requireOrganizationRole, roleAtLeast } from '../../organizations/index.js';
import type { AnswersBody, Clarification, KillAllBody, KillBody, PanelBody, SessionDetail } from '../board.contract.js';
import { boardSessions } from '../board.schema.js';
import { enqueueDeliberation } from '../deliberation/start-deliberation.js';
import { appendSessionEvent } from '../session-events.js';
import { readBoardSettings } from '../settings/board-settings.service.js';
import { chosenPanel, invalidField } from './chosen-panel.js';
import { loadSession, toSessionDetail, toSessionSummary, type SessionRow } from './session-view.js';
import { userName, wrongState } from './sessions.service.js';

/**
 * Pause, resume, kill, answers and panel swaps. Each change is one conditional UPDATE (… WHERE status IN (…)), so a
 * deliberation job moving the session at the same moment either happened before it (and the 409 says so) or sees
 * the new status at its next checkpoint. Each writes a 'session' event and an audit row in the same transaction.
 */

/** The session's owner or an admin of its organization; 404 when the user cannot see it, 403 when they only see it. */
async function requireRunner(tx: Tx, userId: string, sessionId: string, doing: string): Promise<SessionRow> {
  const row = await loadSession(tx, sessionId);
  if (row.userId === userId) return row;
  const role = await memberRoleOf(tx, userId, row.organizationId);
  if (role && roleAtLeast(role, 'admin')) return row;
  throw forbidden(`Only the session’s owner or an admin of its organization can ${doing} it`);
}

/** Queuing the job needs an editor (the job runs with the acting user's rights). */
async function requireEditor(tx: Tx, userId: string, organizationId: string): Promise<void> {
  const role = await memberRoleOf(tx, userId, organizationId);
  if (!role || !roleAtLeast(role, 'editor')) throw forbidden('You must be an editor, admin or owner of the session’s organization to run it');
}

function describeState(row: SessionRow): string {
  if (row.status === 'paused' && row.phase === 'awaiting_input') return 'waiting for answers to its clarifying questions';
  return row.status;
}

/** Runs a conditional update; when it matched nothing, re-reads the session for the 409's message. */
async function transition(
  tx: Tx,
  row: SessionRow,
  condition: SQL | undefined,
  changes: PgUpdateSetSource<typeof boardSessions>,
  refusal: (current: SessionRow) => string,
): Promise<SessionRow> {
  const [updated] = await tx
    .update(boardSessions)
    .set(changes)
    .where(and(eq(boardSessions.id, row.id), condition))
    .returning();
  if (updated) return updated;
  throw wrongState(refusal(await loadSession(tx, row.id)));
}

async function announce(tx: Tx, actor: UserActor, row: SessionRow, action: 'board_session_paused' | 'board_session_resumed' | 'board_session_killed', details: Record<string, unknown> = {}): Promise<void> {
  await appendSessionEvent(tx, row.id, 'session', toSessionSummary(row));
  await recordAudit(tx, actor, { action, resourceType: 'board_session', resourceId: row.id, organizationId: row.organizationId, details });
}

async function detailOf(tx: Tx, sessionId: string): Promise<SessionDetail> {
  return toSessionDetail(tx, await loadSession(tx, sessionId));
}

/** POST …/pause: active → paused; the job stops at its next checkpoint. */
export async function pauseSession(tx: Tx, actor: UserActor, sessionId: string): Promise<SessionDetail> {
  const row = await requireRunner(tx, actor.userId, sessionId, 'pause');
  const paused = await transition(tx, row, eq(boardSessions.status, 'active'), { status: 'paused' }, (current) => `Only an active session can be paused; this one is ${describeState(current)}`);
  await announce(tx, actor, paused, 'board_session_paused', { phase: paused.phase, roundNumber: paused.roundNumber });
  return detailOf(tx, paused.id);
}

/** POST …/resume: paused (and not waiting for answers) → active, with a new job that continues from the checkpoint. */
export async function resumeSession(tx: Tx, actor: UserActor, sessionId: string): Promise<SessionDetail> {
  const row = await requireRunner(tx, actor.userId, sessionId, 'resume');
  await requireEditor(tx, actor.userId, row.organizationId);
  const resumed = await transition(
    tx,
    row,
    and(eq(boardSessions.status, 'paused'), ne(boardSessions.phase, 'awaiting_input')),
    { status: 'active' },
    (current) =>
      current.status === 'paused'
        ? 'The session is waiting for answers to its clarifying questions: answer or skip the clarifying questions (POST …/answers) to continue'
        : `Only a paused session can be resumed; this one is ${current.status}`,
  );
  await announce(tx, actor, resumed, 'board_session_resumed', { phase: resumed.phase, roundNumber: resumed.roundNumber });
  await enqueueDeliberation(tx, resumed, actor.userId);
  return detailOf(tx, resumed.id);
}

/** Asks the session's running job, if any, to stop; a job the user may not cancel stops when it sees the status. */
async function cancelJobOf(tx: Tx, row: SessionRow): Promise<void> {
  if (!row.jobId) return;
  try {
    await requestCancel(tx, row.jobId);
  } catch (error) {
    // Queued by someone else (e.g. an admin resumed it): the job reads the killed status at its next checkpoint.
    if (!(error instanceof AppError)) throw error;
  }
}

const killChanges = (killedBy: string, reason: string): PgUpdateSetSource<typeof boardSessions> => ({
  status: 'killed',
  killedAt: sql`now()`,
  killedBy,
  killReason: reason,
});

/** POST …/kill: any live session → killed, keeping who and why; the running job is cancelled. */
export async function killSession(tx: Tx, actor: UserActor, sessionId: string, input: KillBody): Promise<SessionDetail> {
  const row = await requireRunner(tx, actor.userId, sessionId, 'stop');
  const reason = input.reason ?? `Stopped by ${await userName(tx, actor.userId)}`;
  const killed = await transition(
    tx,
    row,
    inArray(boardSessions.status, [...liveSessionStatuses]),
    killChanges(actor.userId, reason),
    (current) => `The session is already ${current.status}; only an active or paused session can be stopped`,
  );
  await cancelJobOf(tx, killed);
  await announce(tx, actor, killed, 'board_session_killed', { reason, roundNumber: killed.roundNumber });
  return detailOf(tx, killed.id);
}

/** POST /board/sessions/kill-all: admins stop every active or paused session of the organization. */
export async function killAllSessions(tx: Tx, actor: UserActor, input: KillAllBody): Promise<{ killed: string[] }> {
  await requireOrganizationRole(tx, actor.userId, input.organizationId, 'admin');
  const reason = input.reason ?? `Stopped by ${await userName(tx, actor.userId)} with every running session`;
  const killed = await tx
    .update(boardSessions)
    .set(killChanges('admin', reason))
    .where(and(eq(boardSessions.organizationId, input.organizationId), inArray(boardSessions.status, [...liveSessionStatuses])))
    .returning();
  for (const row of killed) {
    await cancelJobOf(tx, row);
    await announce(tx, actor, row, 'board_session_killed', { reason, all: true, roundNumber: row.roundNumber });
  }
  return { killed: killed.map((row) => row.id) };
}

/** The clarifications with the person's answers; questions left out count as skipped. */
function answered(asked: readonly Clarification[], input: AnswersBody): Clarification[] {
  if ('skip' in input) return asked.map((question) => ({ ...question, answer: null, skipped: true }));
  const given = new Map<string, string>();
  input.answers.forEach((answer, index) => {
    if (!asked.some((question) => question.id === answer.id)) {
      throw invalidField(`answers.${index}.id`, `"${answer.id}" is not one of the questions asked (${asked.map((q) => q.id).join(', ')})`);
    }
    if (given.has(answer.id)) throw invalidField(`answers.${index}.id`, `answers question "${answer.id}" a second time`);
    given.set(answer.id, answer.answer);
  });
  return asked.map((question) => {
    const answer = given.get(question.id);
    return answer === undefined ? { ...question, answer: null, skipped: true } : { ...question, answer, skipped: false };
  });
}

/** POST …/answers: answers (or skips) the clarifying questions; the deliberation starts over its decomposition. */
export async function answerClarifications(tx: Tx, actor: UserActor, sessionId: string, input: AnswersBody): Promise<SessionDetail> {
  const row = await requireRunner(tx, actor.userId, sessionId, 'answer for');
  if (row.phase !== 'awaiting_input' || !liveSessionStatuses.includes(row.status)) {
    throw wrongState(`The session is not waiting for answers; it is ${row.status} in ${row.phase.replaceAll('_', ' ')}`);
  }
  await requireEditor(tx, actor.userId, row.organizationId);
  const clarifications = answered(row.clarifications, input);
  const resumed = await transition(
    tx,
    row,
    and(eq(boardSessions.phase, 'awaiting_input'), inArray(boardSessions.status, [...liveSessionStatuses])),
    { clarifications, status: 'active', phase: 'problem_decomposition' },
    (current) => `The session is not waiting for answers any more; it is ${current.status} in ${current.phase.replaceAll('_', ' ')}`,
  );
  await appendSessionEvent(tx, resumed.id, 'clarifications', { clarifications });
  await announce(tx, actor, resumed, 'board_session_resumed', {
    answered: clarifications.filter((question) => !question.skipped).map((question) => question.id),
    skipped: clarifications.filter((question) => question.skipped).map((question) => question.id),
  });
  await enqueueDeliberation(tx, resumed, actor.userId);
  return detailOf(tx, resumed.id);
}

/** PUT …/panel: swaps the panel while the session is paused and round 2 has not started. */
export async function replacePanel(tx: Tx, context: AppContext, actor: UserActor, sessionId: string, input: PanelBody): Promise<SessionDetail> {
  const row = await requireRunner(tx, actor.userId, sessionId, 'change the panel of');
  const settings = await readBoardSettings(tx, row.organizationId);
  const panel = await chosenPanel(tx, context, { organizationId: row.organizationId, codes: input.personaCodes, settings, chosenBy: await userName(tx, actor.userId) });
  const changed = await transition(
    tx,
    row,
    and(eq(boardSessions.status, 'paused'), lte(boardSessions.roundNumber, 1)),
    { panel },
    (current) =>
      current.status !== 'paused'
        ? `Pause the session before changing its panel; it is ${current.status}`
        : `The panel can change only before round 2 starts; the session is in round ${current.roundNumber}`,
  );
  await appendSessionEvent(tx, changed.id, 'panel', { panel });
  return detailOf(tx, changed.id);
}
