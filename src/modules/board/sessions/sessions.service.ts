import { randomInt } from 'node:crypto';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import { users } from '../../../core/db/platform.schema.js';
import { AppError } from '../../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../../core/http/pagination.js';
import { newId } from '../../../core/ids.js';
import { personalOrganizationIdOf, requireOrganizationRole } from '../../organizations/index.js';
import { requireProjectAccess } from '../../projects/index.js';
import type { CreateSessionBody, ListSessionsQuery, SessionDetail, SessionSummary } from '../board.contract.js';
import { boardSessions } from '../board.schema.js';
import { enqueueDeliberation } from '../deliberation/start-deliberation.js';
import { appendSessionEvent } from '../session-events.js';
import { readBoardSettings } from '../settings/board-settings.service.js';
import { chosenPanel, invalidField } from './chosen-panel.js';
import { loadSession, toSessionDetail, toSessionSummary } from './session-view.js';

const PROJECT_DELETED_MESSAGE = 'The project is deleted; restore it before asking the board about it';

/** The acting user's display name, for "Chosen by …" and "Stopped by …". */
export async function userName(tx: Tx, userId: string): Promise<string> {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? 'a user';
}

/**
 * Where a new session belongs: the project's organization (editors of it; 404 when the project is not visible),
 * else the organization named, else the user's personal one. Asking queues a job, which needs an editor.
 */
async function sessionHome(tx: Tx, userId: string, input: CreateSessionBody): Promise<{ organizationId: string; projectId: string | null }> {
  if (input.projectId) {
    const { project } = await requireProjectAccess(tx, userId, input.projectId, 'write', PROJECT_DELETED_MESSAGE);
    if (input.organizationId && input.organizationId !== project.organizationId) {
      throw invalidField('organizationId', 'is not the organization of the project; leave it out when giving projectId');
    }
    return { organizationId: project.organizationId, projectId: project.id };
  }
  const organizationId = input.organizationId ?? (await personalOrganizationIdOf(tx, userId));
  if (!organizationId) throw invalidField('organizationId', 'is required: you have no personal organization');
  await requireOrganizationRole(tx, userId, organizationId, 'editor');
  return { organizationId, projectId: null };
}

/**
 * POST /board/sessions: the session, its first event, the audit row and the job that will run it, in one
 * transaction. Caps, rounds and vote rule come from the organization's board settings unless given.
 */
export async function createSession(tx: Tx, context: AppContext, actor: UserActor, input: CreateSessionBody): Promise<SessionDetail> {
  const home = await sessionHome(tx, actor.userId, input);
  const settings = await readBoardSettings(tx, home.organizationId);
  const panel = input.personaCodes
    ? await chosenPanel(tx, context, { organizationId: home.organizationId, codes: input.personaCodes, settings, chosenBy: await userName(tx, actor.userId) })
    : [];
  const [row] = await tx
    .insert(boardSessions)
    .values({
      id: newId(),
      organizationId: home.organizationId,
      projectId: home.projectId,
      userId: actor.userId,
      problemStatement: input.problemStatement,
      problemContext: input.problemContext ?? null,
      status: 'active',
      phase: 'problem_decomposition',
      maxRounds: input.maxRounds ?? settings.defaultMaxRounds,
      budgetUsd: input.budgetUsd ?? settings.defaultBudgetUsd,
      tokenCap: input.tokenCap ?? settings.defaultTokenCap,
      voteRule: input.voteRule ?? settings.voteRule,
      seed: randomInt(0, 2 ** 31 - 1),
      panel,
    })
    .returning();
  if (!row) throw new Error('The board session was not inserted');
  await appendSessionEvent(tx, row.id, 'session', toSessionSummary(row));
  await recordAudit(tx, actor, {
    action: 'board_session_created',
    resourceType: 'board_session',
    resourceId: row.id,
    organizationId: row.organizationId,
    details: { projectId: row.projectId, panel: panel.map((seat) => seat.code), maxRounds: row.maxRounds, budgetUsd: row.budgetUsd },
  });
  await enqueueDeliberation(tx, row, actor.userId);
  return toSessionDetail(tx, await loadSession(tx, row.id));
}

/** GET /board/sessions: the sessions the user may see, newest first, keyset-paged on (created_at, id). */
export async function listSessions(tx: Tx, userId: string, query: ListSessionsQuery): Promise<Page<SessionSummary>> {
  const cursor = decodeTimestampCursor(query.cursor);
  if (query.organizationId) await requireOrganizationRole(tx, userId, query.organizationId, 'viewer');
  if (query.projectId) await requireProjectAccess(tx, userId, query.projectId, 'read', PROJECT_DELETED_MESSAGE);
  const filters: (SQL | undefined)[] = [
    query.organizationId ? eq(boardSessions.organizationId, query.organizationId) : undefined,
    query.projectId ? eq(boardSessions.projectId, query.projectId) : undefined,
    query.status ? eq(boardSessions.status, query.status) : undefined,
    cursor ? afterCursor(boardSessions.createdAt, boardSessions.id, cursor, 'desc') : undefined,
  ];
  const rows = await tx
    .select({ row: boardSessions, cursorAt: cursorTimestamp(boardSessions.createdAt) })
    .from(boardSessions)
    .where(and(...filters))
    .orderBy(desc(boardSessions.createdAt), desc(boardSessions.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    ({ row }) => toSessionSummary(row),
    ({ row, cursorAt }) => ({ sort: cursorAt, id: row.id }),
  );
}

/** GET /board/sessions/{id}. */
export async function getSession(tx: Tx, sessionId: string): Promise<SessionDetail> {
  return toSessionDetail(tx, await loadSession(tx, sessionId));
}

/** A 409 for a change the session's status does not allow. */
export function wrongState(message: string): AppError {
  return new AppError('CONFLICT', message);
}
