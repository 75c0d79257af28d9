import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';

/**
 * The statement every transaction starts with once BEGIN is sent: the role the row level security policies check and
 * the user they check for, both transaction-local (set_config(..., true)) so nothing leaks to the next borrower of a
 * pooled connection. One text, so the pooled client below can recognise it and send it ahead.
 */
export function actAs(role: string, userId: string): SQL {
  return sql`SELECT set_config('role', ${role}, true), set_config('app.current_user_id', ${userId}, true)`;
}
const ACT_AS_TEXT = "SELECT set_config('role', $1, true), set_config('app.current_user_id', $2, true)";

/**
 * Every statement that carries parameters (so it is one statement on the extended protocol already) is sent as a
 * named prepared statement, named after a hash of its text: PostgreSQL parses and plans it once per connection and
 * then only binds and executes. At most MAX_PREPARED_PER_CONNECTION distinct texts are kept per connection (statements
 * built with a variable number of parameters would otherwise grow without end); past that they run unnamed.
 */
const MAX_PREPARED_PER_CONNECTION = 2000;

type QueryConfigLike = { text?: unknown; name?: unknown; submit?: unknown; values?: unknown };

function textOf(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  if (!config || typeof config !== 'object') return undefined;
  const query = config as QueryConfigLike;
  return typeof query.submit === 'function' || typeof query.text !== 'string' ? undefined : query.text;
}

function preparedName(config: unknown, values: unknown, prepared: Set<string>): string | undefined {
  // A plain string is sent on the simple protocol; a config that names itself is left alone.
  const text = typeof config === 'object' ? textOf(config) : undefined;
  if (text === undefined || (config as QueryConfigLike).name !== undefined) return undefined;
  const parameters = Array.isArray(values) ? values : (config as QueryConfigLike).values;
  if (!Array.isArray(parameters) || parameters.length === 0) return undefined;
  const name = `a_${crypto.createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
  if (!prepared.has(name)) {
    if (prepared.size >= MAX_PREPARED_PER_CONNECTION) return undefined;
    prepared.add(name);
  }
  return name;
}

/** What a transaction's opening statements answer when they are sent ahead; nobody reads it. */
const SENT_AHEAD_ANSWER = Object.freeze({ command: 'SELECT', rowCount: 0, oid: 0, rows: [], fields: [] });

/**
 * Opening a transaction costs no round trip of its own. BEGIN and the act-as statement that follows it are answered
 * at once and go out in one write with the transaction's first real statement; the connection runs in pg's pipeline
 * mode, so the server still receives and runs them in order, and each keeps its own Sync (an error in one does not
 * swallow the next). A request that reads one row therefore waits for two round trips (the read, COMMIT) instead of
 * four. If an opening statement fails, the transaction is aborted and the next statement fails too; that failure is
 * reported with the opening statement's error, which names the cause.
 */
function isSentAhead(text: string | undefined): boolean {
  return text !== undefined && (/^begin\b/i.test(text) || text === ACT_AS_TEXT);
}

export function pooledClientClass(options: { preparedStatements: boolean }): typeof pg.Client {
  return class PooledClient extends pg.Client {
    readonly #prepared = new Set<string>();
    /** Answers of statements sent ahead that no caller has seen yet, in the order they were sent. */
    #ahead: Array<Promise<unknown>> = [];
    #corked = false;

    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === 'string' ? { connectionString: config } : config), pipeline: true });
    }

    override query(...args: unknown[]): never {
      const [config, values, callback] = args;
      const name = options.preparedStatements ? preparedName(config, values, this.#prepared) : undefined;
      if (name) args[0] = { ...(config as object), name };
      const send = (): Promise<unknown> => (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
      const withCallback = typeof callback === 'function' || typeof values === 'function';
      if (withCallback || (config as QueryConfigLike | undefined)?.submit) return send() as never;

      if (isSentAhead(textOf(config))) {
        this.#cork();
        // The rejection is kept for the statement that follows; it must not surface as unhandled meanwhile.
        this.#ahead.push(send().then(() => undefined, (error: unknown) => error));
        return Promise.resolve(SENT_AHEAD_ANSWER) as never;
      }
      const ahead = this.#ahead;
      this.#ahead = [];
      const answer = send();
      this.#uncork();
      if (ahead.length === 0) return answer as never;
      return answer.catch(async (error: unknown) => {
        const cause = (await Promise.all(ahead)).find((outcome) => outcome !== undefined);
        throw cause ?? error;
      }) as never;
    }

    /** Holds the socket's writes until the first real statement (or the end of this tick, whichever comes first). */
    #cork(): void {
      const stream = this.connection.stream as { cork?: () => void } | undefined;
      if (this.#corked || !stream?.cork) return;
      stream.cork();
      this.#corked = true;
      process.nextTick(() => this.#uncork());
    }

    #uncork(): void {
      if (!this.#corked) return;
      this.#corked = false;
      (this.connection.stream as { uncork?: () => void }).uncork?.();
    }
  };
}
