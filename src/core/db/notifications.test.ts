import { describe, expect, it } from 'vitest';
import { createNotifications, follow, type NotificationTransport } from './notifications.js';

/** A transport in memory: what a LISTEN connection would do, with the test deciding when it breaks. */
function fakeTransport() {
  const calls = { connect: 0, listen: [] as string[] };
  let deliver: ((channel: string, payload: string) => void) | undefined;
  let lost: (() => void) | undefined;
  let failNext = false;
  const transport: NotificationTransport = {
    async connect(channels, onPayload, onLost) {
      calls.connect += 1;
      if (failNext) {
        failNext = false;
        throw new Error('connection refused');
      }
      calls.listen.push(...channels);
      deliver = onPayload;
      lost = onLost;
    },
    async listen(channel) {
      calls.listen.push(channel);
    },
    async close() {
      deliver = undefined;
    },
  };
  return {
    transport,
    calls,
    send: (channel: string, payload: string) => deliver?.(channel, payload),
    drop: () => lost?.(),
    failNextConnect: () => void (failNext = true),
  };
}

describe('notifications', () => {
  it('listens once per channel, and hands a payload only to the watchers of its key', async () => {
    const fake = fakeTransport();
    const hub = createNotifications(fake.transport);
    const heard: string[] = [];
    const a1 = hub.watch('jobs', 'a', { notify: (p) => heard.push(`a1:${p}`) });
    const a2 = hub.watch('jobs', 'a', { notify: (p) => heard.push(`a2:${p}`) });
    const b = hub.watch('jobs', 'b', { notify: (p) => heard.push(`b:${p}`) });
    const all = hub.subscribe('jobs', { notify: (p) => heard.push(`all:${p}`) });
    await Promise.all([a1.ready, a2.ready, b.ready, all.ready]);
    expect(hub.listening).toBe(true);
    expect(fake.calls).toEqual({ connect: 1, listen: ['jobs'] });

    fake.send('jobs', 'a changed');
    fake.send('other', 'a changed');
    expect(heard).toEqual(['all:a changed', 'a1:a changed', 'a2:a changed']);

    heard.length = 0;
    a1.close();
    fake.send('jobs', 'a');
    expect(heard).toEqual(['all:a', 'a2:a']);
    await hub.close();
  });

  it('tells every subscriber to look again when the connection drops and when it is back, then listens again', async () => {
    const fake = fakeTransport();
    const hub = createNotifications(fake.transport);
    const resyncs: boolean[] = [];
    const watched = hub.watch('board', 's1', { notify: () => undefined, resync: () => resyncs.push(hub.listening) });
    await watched.ready;
    resyncs.length = 0;

    fake.drop();
    expect(hub.listening).toBe(false);
    expect(resyncs).toEqual([false]);
    // The first reconnection fails; the next one (after a longer wait) succeeds.
    fake.failNextConnect();
    const deadline = Date.now() + 5_000;
    while (!hub.listening && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hub.listening).toBe(true);
    expect(resyncs).toEqual([false, true]);
    expect(fake.calls.connect).toBe(3);
    expect(fake.calls.listen).toEqual(['board', 'board']);
    await hub.close();
  });

  it('rejects a channel name that LISTEN would need quoted', () => {
    const hub = createNotifications(fakeTransport().transport);
    expect(() => hub.subscribe('Jobs; DROP', { notify: () => undefined })).toThrow(/Invalid notification channel/);
  });

  it('follows a row: one read at once, one per notification, one more for what arrived during a read, none without', async () => {
    const fake = fakeTransport();
    const hub = createNotifications(fake.transport);
    const stop = new AbortController();
    let reads = 0;
    let release: (() => void) | undefined;
    const following = follow({
      notifications: hub,
      channel: 'jobs',
      key: 'j1',
      fallbackPollMs: 60_000,
      pollMs: 10,
      signal: stop.signal,
      async read() {
        reads += 1;
        if (reads === 2) await new Promise<void>((resolve) => (release = resolve));
        return reads >= 4 ? 'done' : 'wait';
      },
    });
    await following;
    expect(reads).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads).toBe(1);

    fake.send('jobs', 'j2 changed');
    expect(reads).toBe(1);
    fake.send('jobs', 'j1 changed');
    expect(reads).toBe(2);
    // Three notifications during the read: one more read after it, not three.
    fake.send('jobs', 'j1 changed');
    fake.send('jobs', 'j1 changed');
    fake.send('jobs', 'j1 changed');
    release!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toBe(3);
    fake.send('jobs', 'j1 changed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toBe(4);
    // Done: no more reads, and no more watchers of the key.
    fake.send('jobs', 'j1 changed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toBe(4);
    stop.abort();
    await hub.close();
  });
});
