import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The whole environment of the server, parsed once at boot. Every variable is listed in the README's
 * configuration table; adding one here means adding a row there.
 */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_PREPARED_STATEMENTS: z
    .enum(['true', 'false'])
    .default('true')
    .describe('false behind a pooler in transaction mode that cannot keep prepared statements (PgBouncer before 1.21)'),
  SESSION_CACHE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(5_000)
    .describe('how long a verified access token is served from memory; revocations reach every process at once'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Atelier <no-reply@atelier.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: z
    .enum(['true', 'false', 'auto'])
    .default('auto')
    .describe('auto: Secure cookies when PUBLIC_URL is https'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  AI_PROVIDER: z.enum(['builtin', 'openai', 'anthropic', 'ollama', 'openai-compatible']).default('builtin'),
  AI_MODEL: z.string().min(1).max(200).optional(),
  AI_BASE_URL: z.string().url().optional(),
  AI_API_KEY: z.string().min(1).optional(),
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  AI_PRICING_FILE: z.string().optional(),
  AI_STRUCTURED_OUTPUT: z.enum(['native', 'prompt']).optional(),
  AI_BUILTIN_WORKERS: z.coerce
    .number()
    .int()
    .min(0)
    .max(16)
    .optional()
    .describe('worker threads of the offline engine; 0 runs it in the request thread; default: cores - 1, 1 to 4'),
  ATELIER_SECRET_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, 'must be 32 bytes as 64 hex digits or base64')
    .optional(),
  JOBS_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(2),
  JOBS_PER_ORGANIZATION: z.coerce.number().int().min(1).max(64).default(2),
  JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  DATABASE_NOTIFICATIONS: z
    .enum(['true', 'false'])
    .default('true')
    .describe('LISTEN/NOTIFY wakes job runners and event streams; false (e.g. behind a pooler in transaction mode): they poll'),
  NOTIFICATIONS_FALLBACK_POLL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(3_600_000)
    .default(120_000)
    .describe('with notifications on, how often runners and event streams look anyway, in case one was lost'),
  JOBS_HEARTBEAT_MS: z.coerce.number().int().min(50).max(600_000).default(2_000),
  JOBS_STALE_AFTER_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
  BOARD_NOVELTY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.2),
  BOARD_DUPLICATE_SIMILARITY: z.coerce.number().min(0.5).max(1).default(0.85),
  BOARD_STALL_ROUNDS: z.coerce.number().int().min(1).max(9).default(2),
  DBASSIST_DENY_HOSTS: z
    .string()
    .default('169.254.0.0/16,fe80::/10,fd00:ec2::254,100.100.100.200,metadata.google.internal,metadata')
    .describe("hosts and CIDR ranges connections may not reach; Atelier's own database is always refused"),
  DBASSIST_SQLITE_ROOTS: z.string().optional().describe('folders SQLite connections may open files under; default: anywhere but DATA_DIR'),
  DBASSIST_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000).describe('longest a statement may run on a connection'),
  DBASSIST_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(10_000).describe('rows an execution keeps; the rest are cut off'),
  DBASSIST_MAX_RESULT_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(16_777_216).describe('bytes of rows an execution keeps'),
  DBASSIST_MAX_COST: z.coerce.number().min(1).default(1e9).describe('highest EXPLAIN total cost a statement may have on PostgreSQL'),
  INTEGRATIONS_DENY_HOSTS: z
    .string()
    .default('169.254.0.0/16,fe80::/10,fd00:ec2::254,100.100.100.200,metadata.google.internal,metadata')
    .describe('hosts and CIDR ranges integrations (webhook URLs, API base URLs) may not reach'),
  INTEGRATIONS_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000).describe('wait before the 2nd delivery attempt; doubles after each failure'),
  INTEGRATIONS_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(3_600_000).describe('longest wait between delivery attempts'),
  INTEGRATIONS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8).describe('delivery attempts before an event is given up as failed'),
  INTEGRATIONS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000).describe('longest an outside service may take to answer'),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^[^,\s]+(\s*,\s*[^,\s]+)*$/, 'must be a signing secret, or several separated by commas while one is rolled')
    .optional()
    .describe('signing secret(s) of the Stripe webhook endpoint; unset: the endpoint refuses events (400)'),
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300).describe('how far a Stripe-Signature timestamp may be from now'),
  GITHUB_POLL_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000).describe('how often linked GitHub issues are polled (the fallback for missed webhooks)'),
  GITHUB_RATE_LIMIT_MAX_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(60_000).describe('longest a push waits out a GitHub rate limit before reporting when to retry'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: statements with parameters are prepared once per connection (named prepared statements). */
  databasePreparedStatements: boolean;
  /** How long a verified access token is answered from memory (0: every request asks the database). */
  sessionCacheMs: number;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  secureCookies: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  ai: AiConfig;
  secretKey: string | undefined;
  jobs: JobsConfig;
  notifications: NotificationsConfig;
  board: BoardConfig;
  dbassist: DbAssistConfig;
  integrations: IntegrationsConfig;
  billing: BillingConfig;
  github: GitHubSyncConfig;
};

export type AiConfig = {
  provider: z.infer<typeof environmentSchema>['AI_PROVIDER'];
  /** undefined: the provider's default model. */
  model: string | undefined;
  baseUrl: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  pricingFile: string | undefined;
  /** How object tasks ask for JSON; undefined: native for openai, anthropic and ollama, prompt for openai-compatible. */
  structuredOutput: 'native' | 'prompt' | undefined;
  /**
   * Worker threads that run the offline engine's tasks, so long generations do not stall requests; 0 runs them in the
   * thread that answers requests.
   */
  builtinWorkers: number;
};

export type JobsConfig = {
  /** Jobs one process runs at once; 0 runs none (an API-only process). */
  concurrency: number;
  /** Running jobs of one organization at once, across all processes: one organization's burst waits, others run. */
  perOrganization: number;
  /** How often an idle runner looks for due jobs while it hears no notifications (switched off, or connection down). */
  pollIntervalMs: number;
  /** How often an idle runner looks anyway while notifications wake it (NOTIFICATIONS_FALLBACK_POLL_MS). */
  fallbackPollMs: number;
  heartbeatMs: number;
  /** A running job whose heartbeat is older than this is taken to have lost its process and is claimed again. */
  staleAfterMs: number;
};

/** LISTEN/NOTIFY wake-ups (docs/decisions/020-notifications.md). */
export type NotificationsConfig = {
  enabled: boolean;
  /** While notifications arrive, the slow poll that catches a lost one. */
  fallbackPollMs: number;
};

/** When a board deliberation stops early and what it leaves out (docs/decisions/015-board.md). */
export type BoardConfig = {
  /** A round whose contributions add less than this share of new content words ends the rounds (low novelty). */
  noveltyThreshold: number;
  /** A contribution at least this similar (0–1) to an earlier one is a near-duplicate and left out of the debate. */
  duplicateSimilarity: number;
  /** Rounds in a row with the same split of positions (and no consensus) that end the rounds (stalled disagreement). */
  stallRounds: number;
};

/** Where the database assistant's connections may point and how much one statement may take (decisions 016 and 017). */
export type DbAssistConfig = {
  /** Host names, addresses and CIDR ranges refused (by default link-local and cloud metadata addresses). */
  denyHosts: string[];
  /** Folders a SQLite connection may open files under; undefined: anywhere the server can read except DATA_DIR. */
  sqliteRoots: string[] | undefined;
  statementTimeoutMs: number;
  /** Rows and bytes of rows an execution keeps; past either, the result is cut off and marked truncated. */
  maxRows: number;
  maxResultBytes: number;
  /** The highest EXPLAIN total cost a statement may have (PostgreSQL only). */
  maxCost: number;
};

/** GitHub issue sync (docs/decisions/018-integrations.md, GitHub). */
export type GitHubSyncConfig = {
  /** Between two polls of an integration's issues. */
  pollIntervalMs: number;
  /** A rate limit resetting later than this ends the push with the time to retry. */
  rateLimitMaxWaitMs: number;
};

/** Outgoing requests of integrations and the retries of webhook deliveries (docs/decisions/018-integrations.md). */
export type IntegrationsConfig = {
  /** Host names, addresses and CIDR ranges refused (by default link-local and cloud metadata addresses). */
  denyHosts: string[];
  /** Wait before the second attempt; it doubles after each failure up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a delivery is given up as failed. */
  maxAttempts: number;
  /** Longest an outside service may take to answer one request. */
  timeoutMs: number;
};

/** Stripe's webhook (docs/decisions/018-integrations.md). */
export type BillingConfig = {
  /** The endpoint's signing secrets (whsec_…); empty: billing webhooks are refused (400, naming the variable). */
  stripeWebhookSecrets: string[];
  /** How many seconds a Stripe-Signature timestamp may be from now. */
  stripeToleranceSeconds: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.AI_PROVIDER === 'openai-compatible' && !e.AI_BASE_URL) {
    throw new ConfigError('Invalid configuration:\n  AI_BASE_URL: is required when AI_PROVIDER is openai-compatible');
  }
  if (e.JOBS_STALE_AFTER_MS <= e.JOBS_HEARTBEAT_MS * 2) {
    throw new ConfigError('Invalid configuration:\n  JOBS_STALE_AFTER_MS: must be more than twice JOBS_HEARTBEAT_MS');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'true',
    sessionCacheMs: e.SESSION_CACHE_MS,
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https://') : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    ai: {
      provider: e.AI_PROVIDER,
      model: e.AI_MODEL,
      baseUrl: e.AI_BASE_URL,
      apiKey: e.AI_API_KEY,
      timeoutMs: e.AI_TIMEOUT_MS,
      maxRetries: e.AI_MAX_RETRIES,
      pricingFile: e.AI_PRICING_FILE,
      structuredOutput: e.AI_STRUCTURED_OUTPUT,
      builtinWorkers: e.AI_BUILTIN_WORKERS ?? Math.min(4, Math.max(1, os.availableParallelism() - 1)),
    },
    secretKey: e.ATELIER_SECRET_KEY,
    jobs: {
      concurrency: e.JOBS_CONCURRENCY,
      perOrganization: e.JOBS_PER_ORGANIZATION,
      pollIntervalMs: e.JOBS_POLL_INTERVAL_MS,
      fallbackPollMs: e.NOTIFICATIONS_FALLBACK_POLL_MS,
      heartbeatMs: e.JOBS_HEARTBEAT_MS,
      staleAfterMs: e.JOBS_STALE_AFTER_MS,
    },
    notifications: { enabled: e.DATABASE_NOTIFICATIONS === 'true', fallbackPollMs: e.NOTIFICATIONS_FALLBACK_POLL_MS },
    board: {
      noveltyThreshold: e.BOARD_NOVELTY_THRESHOLD,
      duplicateSimilarity: e.BOARD_DUPLICATE_SIMILARITY,
      stallRounds: e.BOARD_STALL_ROUNDS,
    },
    dbassist: {
      denyHosts: splitList(e.DBASSIST_DENY_HOSTS),
      sqliteRoots: e.DBASSIST_SQLITE_ROOTS === undefined ? undefined : splitList(e.DBASSIST_SQLITE_ROOTS).map((root) => path.resolve(root)),
      statementTimeoutMs: e.DBASSIST_STATEMENT_TIMEOUT_MS,
      maxRows: e.DBASSIST_MAX_ROWS,
      maxResultBytes: e.DBASSIST_MAX_RESULT_BYTES,
      maxCost: e.DBASSIST_MAX_COST,
    },
    integrations: {
      denyHosts: splitList(e.INTEGRATIONS_DENY_HOSTS),
      retryBaseMs: e.INTEGRATIONS_RETRY_BASE_MS,
      retryMaxMs: e.INTEGRATIONS_RETRY_MAX_MS,
      maxAttempts: e.INTEGRATIONS_MAX_ATTEMPTS,
      timeoutMs: e.INTEGRATIONS_TIMEOUT_MS,
    },
    billing: {
      stripeWebhookSecrets: splitList(e.STRIPE_WEBHOOK_SECRET ?? ''),
      stripeToleranceSeconds: e.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
    },
    github: {
      pollIntervalMs: e.GITHUB_POLL_INTERVAL_MS,
      rateLimitMaxWaitMs: e.GITHUB_RATE_LIMIT_MAX_WAIT_MS,
    },
  };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
