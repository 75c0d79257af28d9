import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.js';

const alice = { userId: 'u-alice', sessionId: 's-alice' };
const bob = { userId: 'u-bob', sessionId: 's-bob' };
const FAR = Date.now() + 3_600_000;

function listeningCache(ttlMs = 5_000, maxEntries?: number): SessionCache {
  const cache = new SessionCache(ttlMs, maxEntries);
  cache.setListening(true);
  return cache;
}

describe('SessionCache', () => {
  it('answers a verified token until the TTL or the session expiry, whichever comes first', () => {
    const cache = listeningCache(5_000);
    const now = 1_000_000;
    cache.put('h1', alice, FAR, cache.generation(), now);
    expect(cache.get('h1', now + 4_999)).toEqual(alice);
    expect(cache.get('h1', now + 5_000)).toBeUndefined();
    cache.put('h2', bob, now + 1_000, cache.generation(), now);
    expect(cache.get('h2', now + 999)).toEqual(bob);
    expect(cache.get('h2', now + 1_000)).toBeUndefined();
  });

  it("forgets every token of a user and only that user's", () => {
    const cache = listeningCache();
    cache.put('a1', alice, FAR, cache.generation());
    cache.put('a2', { ...alice, sessionId: 's-alice-2' }, FAR, cache.generation());
    cache.put('b1', bob, FAR, cache.generation());
    cache.forgetUser(alice.userId);
    expect(cache.get('a1')).toBeUndefined();
    expect(cache.get('a2')).toBeUndefined();
    expect(cache.get('b1')).toEqual(bob);
  });

  it('drops a fill whose database read began before a forget (the read may predate the revocation)', () => {
    const cache = listeningCache();
    const before = cache.generation();
    cache.forgetUser(alice.userId);
    cache.put('a1', alice, FAR, before);
    expect(cache.get('a1')).toBeUndefined();
  });

  it('answers nothing while revocation announcements do not arrive, and nothing read before they resumed', () => {
    const cache = listeningCache();
    cache.put('a1', alice, FAR, cache.generation());
    cache.setListening(false);
    expect(cache.get('a1')).toBeUndefined();
    const readWhileDeaf = cache.generation();
    cache.put('b1', bob, FAR, readWhileDeaf);
    cache.setListening(true);
    cache.put('b1', bob, FAR, readWhileDeaf);
    expect(cache.get('b1')).toBeUndefined();
    cache.put('b1', bob, FAR, cache.generation());
    expect(cache.get('b1')).toEqual(bob);
  });

  it('never answers from memory with a TTL of 0, and keeps at most maxEntries tokens', () => {
    const off = listeningCache(0);
    off.put('a1', alice, FAR, off.generation());
    expect(off.get('a1')).toBeUndefined();
    const small = listeningCache(5_000, 2);
    small.put('a1', alice, FAR, small.generation());
    small.put('b1', bob, FAR, small.generation());
    small.put('a2', { ...alice, sessionId: 's-alice-2' }, FAR, small.generation());
    expect(small.size).toBe(2);
    expect(small.get('a1')).toBeUndefined();
    expect(small.get('a2')).toEqual({ ...alice, sessionId: 's-alice-2' });
  });
});
