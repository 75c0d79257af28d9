import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { follow } from '../../../core/db/notifications.js';
import { withUser } from '../../../core/db/tenancy.js';
import { AppError } from '../../../core/errors.js';
import { requireAuth, type ZodApp } from '../../../core/http/request-context.js';
import { sseStreams } from '../../../core/http/sse.js';
import { sessionParams, type SessionEvent, type SessionStatus } from '../board.contract.js';
import { boardSessions } from '../board.schema.js';
import { BOARD_EVENTS_CHANNEL, SESSION_EVENTS_BATCH, sessionEventsAfter } from '../session-events.js';
import { loadSession } from './session-view.js';

const tags = ['board'];

/** Without notifications, how often a stream looks for new events (as the user, so it follows a job run by any process). */
const EVENTS_POLL_MS = 300;

const finished: readonly SessionStatus[] = ['completed', 'failed', 'killed'];

export const sessionEventsQuery = z
  .object({
    after: z.coerce
      .number({ error: 'After must be an event number' })
      .int('After must be a whole number')
      .min(0, 'After must be 0 or more')
      .optional(),
  })
  .strict();

/** Where to start: the Last-Event-ID a reconnecting EventSource sends, else ?after=, else the beginning. */
function startAfter(header: string | string[] | undefined, after: number | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return after ?? 0;
  if (!/^\d{1,9}$/.test(value.trim())) {
    throw new AppError('VALIDATION_FAILED', 'Invalid Last-Event-ID: send the id of the last event received', {
      details: [{ field: 'last-event-id', message: 'must be an event number', in: 'headers' }],
    });
  }
  return Number(value.trim());
}

/** GET /board/sessions/{id}/events. */
export async function registerSessionEventRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;
  const streams = sseStreams(api);

  api.get(
    '/board/sessions/:id/events',
    {
      schema: {
        tags,
        summary: 'Follow a session as Server-Sent Events, resumable with Last-Event-ID',
        description:
          'A text/event-stream: every change of the session as `event: <type>` (session, clarifications, panel, options, ' +
          'contribution, vote, decision) with `id: <seq>` and data {seq, type, data, createdAt}, starting after the ' +
          'Last-Event-ID header (or ?after=); then new events as they happen; `event: end` once the session is ' +
          'completed, failed or killed and every event was sent, after which the server closes the stream.',
        params: sessionParams,
        querystring: sessionEventsQuery,
      },
    },
    async (request, reply) => {
      const { userId } = requireAuth(request);
      const id = request.params.id;
      let cursor = startAfter(request.headers['last-event-id'], request.query.after);
      // Before the stream starts, errors (404 included) get the usual JSON error shape.
      await withUser(db, userId, (tx) => loadSession(tx, id));

      const stream = streams.open(request, reply);

      /** The status first, then the events: a finishing change commits its last event with its status, so nothing is left behind. */
      const read = () =>
        withUser(db, userId, async (tx): Promise<{ status: SessionStatus | undefined; events: SessionEvent[] }> => {
          const [row] = await tx.select({ status: boardSessions.status }).from(boardSessions).where(eq(boardSessions.id, id));
          return { status: row?.status, events: row ? await sessionEventsAfter(tx, id, cursor) : [] };
        });

      // Woken by the session's notifications (a new event, a status change); every watcher of the session in this
      // process shares one subscription.
      await follow({
        notifications: db.notifications,
        channel: BOARD_EVENTS_CHANNEL,
        key: id,
        fallbackPollMs: context.config.notifications.fallbackPollMs,
        pollMs: EVENTS_POLL_MS,
        signal: stream.signal,
        async read() {
          let batch: Awaited<ReturnType<typeof read>>;
          try {
            batch = await read();
          } catch (error) {
            if (stream.signal.aborted) return 'done';
            request.log.warn({ err: error, sessionId: id }, 'board event stream stopped');
            stream.send('error', { code: 'INTERNAL', message: 'The stream stopped; reconnect with Last-Event-ID to continue' });
            stream.close();
            return 'done';
          }
          if (stream.signal.aborted) return 'done';
          if (batch.status === undefined) {
            // Gone (deleted with its organization, or the user lost access) while we were following it.
            stream.send('error', { code: 'NOT_FOUND', message: 'Board session not found' });
            stream.close();
            return 'done';
          }
          for (const event of batch.events) {
            stream.send(event.type, event, event.seq);
            cursor = event.seq;
          }
          if (finished.includes(batch.status) && batch.events.length === 0) {
            stream.send('end', { status: batch.status, lastEventSeq: cursor });
            stream.close();
            return 'done';
          }
          // A full batch may have more behind it, and a finished session's last events are followed by its end.
          return batch.events.length >= SESSION_EVENTS_BATCH || (batch.events.length > 0 && finished.includes(batch.status)) ? 'again' : 'wait';
        },
      });
    },
  );
}
