/**
 * Access tokens this process verified recently, so a request whose token was checked a moment ago costs no database
 * round trip (docs/decisions/019-request-overhead.md). An entry lives at most `ttlMs` and never past the session's own
 * expiry. Correctness rests on forgetting: the process forgets a user's entries itself right after it revokes
 * something, and the database announces every revocation, token rotation, status change and deletion on a channel
 * every process listens to. While that subscription is not in place the cache answers nothing, so a missed
 * announcement can never keep a revoked token alive.
 */
export type CachedSession = { userId: string; sessionId: string };

type Entry = CachedSession & { until: number };

export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #byUser = new Map<string, Set<string>>();
  #generation = 0;
  #listening = false;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.#listening;
  }

  /** The session of a token hash verified within the TTL, unless forgotten since. */
  get(tokenHash: string, now = Date.now()): CachedSession | undefined {
    if (!this.enabled) return undefined;
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.#remove(tokenHash, entry.userId);
      return undefined;
    }
    return { userId: entry.userId, sessionId: entry.sessionId };
  }

  /** Taken before reading the database: a fill whose read raced a forget is dropped (see put). */
  generation(): number {
    return this.#generation;
  }

  /** Remembers a session the database just confirmed, unless anything was forgotten since the read began. */
  put(tokenHash: string, session: CachedSession, validUntil: number, readAtGeneration: number, now = Date.now()): void {
    if (!this.enabled || readAtGeneration !== this.#generation) return;
    const until = Math.min(now + this.ttlMs, validUntil);
    if (until <= now) return;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.entries().next().value;
      if (oldest) this.#remove(oldest[0], oldest[1].userId);
    }
    this.#entries.set(tokenHash, { ...session, until });
    let tokens = this.#byUser.get(session.userId);
    if (!tokens) this.#byUser.set(session.userId, (tokens = new Set()));
    tokens.add(tokenHash);
  }

  /** Drops every entry of the user (logout, revocation, password reset, disabled or deleted account). */
  forgetUser(userId: string): void {
    this.#generation += 1;
    const tokens = this.#byUser.get(userId);
    if (!tokens) return;
    for (const tokenHash of tokens) this.#entries.delete(tokenHash);
    this.#byUser.delete(userId);
  }

  forgetAll(): void {
    this.#generation += 1;
    this.#entries.clear();
    this.#byUser.clear();
  }

  /** Whether announcements of revocations arrive; while not, nothing is served from memory. */
  setListening(listening: boolean): void {
    // Both ways: a read that began before the subscription was (again) in place may predate a missed announcement.
    this.forgetAll();
    this.#listening = listening;
  }

  get size(): number {
    return this.#entries.size;
  }

  #remove(tokenHash: string, userId: string): void {
    this.#entries.delete(tokenHash);
    const tokens = this.#byUser.get(userId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.#byUser.delete(userId);
  }
}
