import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/core/db/tenancy.js';
import { newId } from '../src/core/ids.js';
import { appendSessionEvent } from '../src/modules/board/session-events.js';
import { registerIdleDeliberation } from './support/board-fixtures.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type SseEvent = { event: string; id: string | null; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Reads a Server-Sent Events response, handing each event to `onEvent` as it arrives, until the server closes the
 * stream or `onEvent` returns 'stop' (the client goes away, as a browser tab would).
 */
async function readEvents(response: Response, onEvent: (event: SseEvent) => unknown = () => undefined): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const lines = block.split('\n').filter((line) => !line.startsWith(':'));
      if (lines.length === 0) continue;
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const id = lines.find((line) => line.startsWith('id: '))?.slice(4) ?? null;
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      const parsed = { event, id, data: JSON.parse(data) };
      events.push(parsed);
      if ((await onEvent(parsed)) === 'stop') {
        await reader.cancel();
        return events;
      }
    }
  }
  return events;
}

describe.each(testDrivers)('board session events on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let alice: TestUser;
  let bob: TestUser;

  const api = (method: 'GET' | 'POST', url: string, user: TestUser, body?: unknown) =>
    call(t.app, method, `/api/v1${url}`, { token: user.token, ...(body === undefined ? {} : { body }) });
  const open = (sessionId: string, user: TestUser, headers: Record<string, string> = {}, query = '') =>
    fetch(`${base}/api/v1/board/sessions/${sessionId}/events${query}`, { headers: { authorization: `Bearer ${user.token}`, ...headers } });
  /** What the deliberation job would append: one numbered contribution event. */
  const contribute = (sessionId: string, n: number) =>
    withUser(t.database.db, alice.id, (tx) => appendSessionEvent(tx, sessionId, 'contribution', { personaCode: 'cfo', content: `Point ${n}` }));

  beforeAll(async () => {
    t = await createTestApp(kind);
    registerIdleDeliberation();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    alice = await createUser(t, { name: 'Alice' });
    bob = await createUser(t, { name: 'Bob' });
  });
  afterAll(async () => t.close());

  async function newSession(): Promise<string> {
    const res = await api('POST', '/board/sessions', alice, { problemStatement: 'Should we launch in one city or three?' });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data.id;
  }

  it('replays from Last-Event-ID and follows new events without losing or repeating one', async () => {
    const id = await newSession();
    await contribute(id, 1); // seq 2

    // First connection: everything so far, then events appended while it is open; the client leaves after seq 4.
    const first = await open(id, alice);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const firstEvents = await readEvents(first, async (event) => {
      if (event.id === '2') {
        await contribute(id, 2); // seq 3
        await contribute(id, 3); // seq 4
      }
      if (event.id === '4') return 'stop';
    });
    expect(firstEvents.map((e) => [e.id, e.event])).toEqual([
      ['1', 'session'],
      ['2', 'contribution'],
      ['3', 'contribution'],
      ['4', 'contribution'],
    ]);
    expect(firstEvents[0]!.data).toMatchObject({ seq: 1, type: 'session', data: { id, status: 'active' }, createdAt: expect.any(String) });
    expect(firstEvents[3]!.data).toMatchObject({ seq: 4, type: 'contribution', data: { content: 'Point 3' } });

    // Missed while away.
    await contribute(id, 4); // seq 5
    await contribute(id, 5); // seq 6

    // Reconnecting with the last id received gets exactly what was missed, then the rest until the session ends.
    const second = await open(id, alice, { 'last-event-id': '4' });
    const secondEvents = await readEvents(second, async (event) => {
      if (event.id === '6') {
        await contribute(id, 6); // seq 7
        expect((await api('POST', `/board/sessions/${id}/kill`, alice, { reason: 'Enough' })).statusCode).toBe(200); // seq 8
      }
    });
    expect(secondEvents.map((e) => [e.id, e.event])).toEqual([
      ['5', 'contribution'],
      ['6', 'contribution'],
      ['7', 'contribution'],
      ['8', 'session'],
      [null, 'end'],
    ]);
    expect(secondEvents[3]!.data.data).toMatchObject({ status: 'killed', killReason: 'Enough' });
    expect(secondEvents[4]!.data).toEqual({ status: 'killed', lastEventSeq: 8 });

    // Every event exactly once across the two connections.
    const seen = [...firstEvents, ...secondEvents].filter((e) => e.id !== null).map((e) => Number(e.id));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('replays a finished session from ?after= and ends at once', async () => {
    const id = await newSession();
    await contribute(id, 1);
    await api('POST', `/board/sessions/${id}/kill`, alice);
    const events = await readEvents(await open(id, alice, {}, '?after=1'));
    expect(events.map((e) => [e.id, e.event])).toEqual([
      ['2', 'contribution'],
      ['3', 'session'],
      [null, 'end'],
    ]);
    // Last-Event-ID wins over ?after= (it is what a reconnecting EventSource sends).
    const resumed = await readEvents(await open(id, alice, { 'last-event-id': '2' }, '?after=0'));
    expect(resumed.map((e) => e.id)).toEqual(['3', null]);
  });

  it('answers another user’s session with a 404 like a missing one, and a malformed Last-Event-ID with a 400', async () => {
    const id = await newSession();
    const foreign = await open(id, bob);
    expect(foreign.status).toBe(404);
    const missing = await open(newId(), bob);
    expect(missing.status).toBe(404);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toBe(((await missing.json()) as { error: { message: string } }).error.message);
    const bad = await open(id, alice, { 'last-event-id': 'yesterday' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: Array<{ field: string }> } }).error.details[0]!.field).toBe('last-event-id');
    expect((await open(id, alice, {}, '?after=-1')).status).toBe(400);
    await api('POST', `/board/sessions/${id}/kill`, alice);
  });
});
