import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import type { SessionEvent } from './board.contract.js';
import { boardSessions, sessionEvents } from './board.schema.js';

/**
 * What the board room hears. Every change of a session is appended here in the transaction of the change, numbered
 * under the session row's lock, so the numbers are gap-free and a stream resumed from Last-Event-ID misses nothing.
 *
 * - `session`: the session's summary after a status, phase or round change;
 * - `clarifications`, `panel`, `options`: the lists as they are now;
 * - `contribution`, `vote`: one new row each;
 * - `decision`: the synthesis.
 */
/**
 * The channel a session's triggers notify (migrations/0015_job_notifications.up.sql), payload the session id: a new
 * event, a status change, or the session deleted.
 */
export const BOARD_EVENTS_CHANNEL = 'atelier_board_events';

/** Events one read returns at most. */
export const SESSION_EVENTS_BATCH = 500;

export type SessionEventType = 'session' | 'clarifications' | 'panel' | 'options' | 'contribution' | 'vote' | 'decision';

export async function appendSessionEvent(tx: Tx, sessionId: string, type: SessionEventType, data: Record<string, unknown>): Promise<number> {
  const [row] = await tx
    .update(boardSessions)
    .set({ lastEventSeq: sql`${boardSessions.lastEventSeq} + 1` })
    .where(eq(boardSessions.id, sessionId))
    .returning({ seq: boardSessions.lastEventSeq, organizationId: boardSessions.organizationId });
  if (!row) throw new Error(`Board session ${sessionId} is not visible for an event`);
  await tx.insert(sessionEvents).values({ sessionId, seq: row.seq, organizationId: row.organizationId, type, data });
  return row.seq;
}

/** Events after `afterSeq`, oldest first, at most `limit`. */
export async function sessionEventsAfter(tx: Tx, sessionId: string, afterSeq: number, limit = SESSION_EVENTS_BATCH): Promise<SessionEvent[]> {
  const rows = await tx
    .select()
    .from(sessionEvents)
    .where(and(eq(sessionEvents.sessionId, sessionId), gt(sessionEvents.seq, afterSeq)))
    .orderBy(asc(sessionEvents.seq))
    .limit(limit);
  return rows.map((row) => ({ seq: row.seq, type: row.type, data: row.data, createdAt: row.createdAt.toISOString() }));
}
