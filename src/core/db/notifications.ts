import pg from 'pg';

/**
 * LISTEN/NOTIFY for the whole process (docs/decisions/020-notifications.md): one dedicated connection on PostgreSQL
 * (PGlite, one session in this process, delivers its own NOTIFYs in-process), one LISTEN per channel, and an
 * in-process fan-out to every subscriber. A trigger or statement notifies in its transaction, so a payload arrives only
 * once the change is committed. Notifications are a wake-up, never the data: a subscriber reads what changed itself,
 * and keeps a slow poll in case one is lost (a dropped connection, a restart of the database).
 */
export type NotificationListener = {
  /** A payload notified on the channel, after the notifying transaction committed. */
  notify(payload: string): void;
  /**
   * Notifications stopped or started arriving (the connection dropped, or came back after some were possibly missed):
   * look again, and check `listening` to choose between waiting for notifications and polling.
   */
  resync?(): void;
};

export type Subscription = {
  /** Resolves once notifications of the channel are received (or it is known they are not: `listening` is false). */
  ready: Promise<void>;
  close(): void;
};

export type Notifications = {
  /** False when notifications are switched off (DATABASE_NOTIFICATIONS=false): everything polls. */
  readonly enabled: boolean;
  /** True while notifications arrive; when false, subscribers poll as they did before notifications. */
  readonly listening: boolean;
  /** Every payload notified on `channel`. */
  subscribe(channel: string, listener: NotificationListener): Subscription;
  /**
   * The payloads of `channel` whose first word is `key` (a row id): all the watchers of one key share the channel's
   * single subscription, and a payload reaches only the watchers of its key.
   */
  watch(channel: string, key: string, listener: NotificationListener): Subscription;
  close(): Promise<void>;
};

/** How a process receives notifications: PostgreSQL over a dedicated connection, or PGlite in-process. */
export type NotificationTransport = {
  /**
   * Starts receiving `channels` (and any later `listen`): payloads go to `deliver`, a lost connection to `lost`. Throws
   * when the connection cannot be made.
   */
  connect(channels: readonly string[], deliver: (channel: string, payload: string) => void, lost: () => void): Promise<void>;
  /** Adds a channel on the open connection. */
  listen(channel: string): Promise<void>;
  close(): Promise<void>;
};

const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

type Channel = { all: Set<NotificationListener>; byKey: Map<string, Set<NotificationListener>> };

/** Notifications switched off: nobody is ever notified, every subscriber polls. */
export const notificationsOff: Notifications = {
  enabled: false,
  listening: false,
  subscribe: () => ({ ready: Promise.resolve(), close: () => undefined }),
  watch: () => ({ ready: Promise.resolve(), close: () => undefined }),
  close: async () => undefined,
};

export function createNotifications(transport: NotificationTransport): Notifications {
  const channels = new Map<string, Channel>();
  let listening = false;
  let closed = false;
  /** The connection being made, or made; undefined when there is none (not yet needed, or lost). */
  let connection: Promise<void> | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let reconnectDelay = RECONNECT_MIN_MS;
  /** Per channel, its LISTEN on the current connection. */
  let listened = new Map<string, Promise<void>>();

  function everyone(): NotificationListener[] {
    const listeners = new Set<NotificationListener>();
    for (const channel of channels.values()) {
      for (const listener of channel.all) listeners.add(listener);
      for (const set of channel.byKey.values()) for (const listener of set) listeners.add(listener);
    }
    return [...listeners];
  }

  function resyncAll(): void {
    for (const listener of everyone()) listener.resync?.();
  }

  function deliver(name: string, payload: string): void {
    const channel = channels.get(name);
    if (!channel) return;
    for (const listener of [...channel.all]) listener.notify(payload);
    const space = payload.indexOf(' ');
    const key = space === -1 ? payload : payload.slice(0, space);
    const watchers = channel.byKey.get(key);
    if (watchers) for (const listener of [...watchers]) listener.notify(payload);
  }

  function lost(): void {
    if (closed || !listening) return;
    listening = false;
    connection = undefined;
    listened = new Map();
    resyncAll();
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connect();
    }, reconnectDelay);
    reconnectTimer.unref();
    reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
  }

  function connect(): Promise<void> {
    connection ??= (async () => {
      const names = [...channels.keys()];
      try {
        await transport.connect(names, deliver, lost);
      } catch {
        connection = undefined;
        scheduleReconnect();
        return;
      }
      if (closed) return;
      for (const name of names) listened.set(name, Promise.resolve());
      reconnectDelay = RECONNECT_MIN_MS;
      listening = true;
      // Whatever was notified while nobody listened is unknown: everyone looks again.
      resyncAll();
    })();
    return connection;
  }

  /** Resolves when `name` is listened to on the current connection, or when there is no connection to listen on. */
  async function ensureListening(name: string): Promise<void> {
    await connect();
    if (!listening) return;
    let done = listened.get(name);
    if (!done) {
      done = transport.listen(name).catch(() => {
        // The connection broke under the LISTEN; `lost` reconnects and listens to every channel.
        listened.delete(name);
      });
      listened.set(name, done);
    }
    await done;
  }

  function channelOf(name: string): Channel {
    if (!CHANNEL_PATTERN.test(name)) throw new Error(`Invalid notification channel "${name}"`);
    let channel = channels.get(name);
    if (!channel) {
      channel = { all: new Set(), byKey: new Map() };
      channels.set(name, channel);
    }
    return channel;
  }

  return {
    enabled: true,
    get listening() {
      return listening;
    },
    subscribe(name, listener) {
      const channel = channelOf(name);
      channel.all.add(listener);
      return { ready: ensureListening(name), close: () => void channel.all.delete(listener) };
    },
    watch(name, key, listener) {
      const channel = channelOf(name);
      let watchers = channel.byKey.get(key);
      if (!watchers) {
        watchers = new Set();
        channel.byKey.set(key, watchers);
      }
      watchers.add(listener);
      const set = watchers;
      return {
        ready: ensureListening(name),
        close() {
          set.delete(listener);
          if (set.size === 0 && channel.byKey.get(key) === set) channel.byKey.delete(key);
        },
      };
    },
    async close() {
      closed = true;
      listening = false;
      clearTimeout(reconnectTimer);
      channels.clear();
      await connection?.catch(() => undefined);
      await transport.close();
    },
  };
}

/** A dedicated connection that only listens; it never joins the pool and runs nothing but LISTEN. */
export function postgresNotificationTransport(url: string): NotificationTransport {
  let client: pg.Client | undefined;
  return {
    async connect(channels, deliver, lost) {
      const next = new pg.Client({ connectionString: url, keepAlive: true });
      let gone = false;
      const onGone = () => {
        if (gone) return;
        gone = true;
        if (client === next) client = undefined;
        void next.end().catch(() => undefined);
        lost();
      };
      next.on('notification', (message) => deliver(message.channel, message.payload ?? ''));
      next.on('error', onGone);
      next.on('end', onGone);
      try {
        await next.connect();
        for (const channel of channels) await next.query(`LISTEN ${channel}`);
      } catch (error) {
        gone = true;
        await next.end().catch(() => undefined);
        throw error;
      }
      client = next;
    },
    async listen(channel) {
      if (!client) throw new Error('Not connected');
      await client.query(`LISTEN ${channel}`);
    },
    async close() {
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners('end');
        current.removeAllListeners('error');
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}

/** PGlite's own LISTEN: a NOTIFY of any statement in this process is delivered after its transaction commits. */
export function pgliteNotificationTransport(
  listen: (channel: string, callback: (payload: string) => void) => Promise<() => Promise<void>>,
): NotificationTransport {
  let deliverTo: ((channel: string, payload: string) => void) | undefined;
  const unlisten: Array<() => Promise<void>> = [];
  const add = async (channel: string) => {
    unlisten.push(await listen(channel, (payload) => deliverTo?.(channel, payload)));
  };
  return {
    async connect(channels, deliver) {
      deliverTo = deliver;
      for (const channel of channels) await add(channel);
    },
    listen: add,
    async close() {
      deliverTo = undefined;
      // The database is closing with this process; its listeners go with it.
      unlisten.length = 0;
    },
  };
}

export type FollowOptions = {
  notifications: Notifications;
  channel: string;
  /** The row followed (the payload's first word). */
  key: string;
  /** While notifications arrive: how long to wait without one before reading anyway. */
  fallbackPollMs: number;
  /** While none arrive (switched off, or the connection is down): how often to read. */
  pollMs: number;
  /** Following stops when this is aborted. */
  signal: AbortSignal;
  /**
   * Reads what changed and passes it on: 'done' ends the following, 'again' reads again at once (a full batch may have
   * more behind it), 'wait' waits for the next notification (or poll).
   */
  read(): Promise<'done' | 'again' | 'wait'>;
};

/**
 * Follows one row for an event stream: reads once at once, then again whenever the row is notified (or, without
 * notifications, on every poll). The stream's watchers of the row share the channel's one subscription; a notification
 * that arrives during a read makes one more read, never a read per notification.
 */
export async function follow(options: FollowOptions): Promise<void> {
  const { notifications, signal } = options;
  let timer: NodeJS.Timeout | undefined;
  let reading = false;
  let dirty = false;
  let over = false;
  /** Until the first read starts, a notification changes nothing: that read sees it. */
  let started = false;

  const stop = () => {
    over = true;
    clearTimeout(timer);
    subscription.close();
  };
  const trigger = () => {
    if (over || !started) return;
    if (reading) {
      dirty = true;
      return;
    }
    clearTimeout(timer);
    void run();
  };
  async function run(): Promise<void> {
    if (over || signal.aborted) return;
    reading = true;
    dirty = false;
    let next: 'done' | 'again' | 'wait';
    try {
      next = await options.read();
    } catch {
      // The reader reports its own errors to its stream; a throw ends the following.
      next = 'done';
    }
    reading = false;
    if (over || signal.aborted || next === 'done') return stop();
    if (next === 'again' || dirty) {
      timer = setTimeout(() => void run(), 0);
      return;
    }
    timer = setTimeout(() => void run(), notifications.listening ? options.fallbackPollMs : options.pollMs);
  }

  const subscription = notifications.watch(options.channel, options.key, { notify: trigger, resync: trigger });
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) return stop();
  // Subscribed before the first read: a change committed after that read is notified, not lost.
  await subscription.ready;
  started = true;
  await run();
}
