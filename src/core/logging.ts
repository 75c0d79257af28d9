import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * The process's logger, with secrets kept out of every line. Three layers, because secrets reach a log in three ways:
 * - a field named like a secret (password, passwordHash, token, tokenHash, apiKey, authorization, cookie, refresh…)
 *   anywhere in a logged object is replaced by "[redacted]" (pino's redact paths for the known places, and a walk of
 *   every logged object for the rest);
 * - a failed query carries its parameters (Drizzle's DrizzleQueryError has `params` and repeats them in its message;
 *   the driver's error has `params`, and its `detail` can quote a value): logged errors have them replaced;
 * - a URL can carry a token (`/verify-email?token=…`, `/reset-password?code=…`): request lines show such query values
 *   as "[redacted]", and never show headers (Authorization, Cookie).
 */

export const REDACTED = '[redacted]';

/** Key names (lower case, without `_` and `-`) that hold secrets, matched at the end of the name: `accessTokenHash`. */
const SECRET_KEY_ENDINGS = [
  'password',
  'passwordhash',
  'passwd',
  'secret',
  'token',
  'tokenhash',
  'apikey',
  'authorization',
  'cookie',
  'cookies',
  'privatekey',
  'credential',
  'credentials',
  'otp',
];

/** True for a key like `password`, `passwordHash`, `access_token`, `x-api-key`, `refresh…`, `set-cookie`. */
export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[-_]/g, '');
  return normalized.startsWith('refresh') || SECRET_KEY_ENDINGS.some((ending) => normalized.endsWith(ending));
}

/** Query parameters that carry one-time secrets in links (the mailed verification and reset links). */
const SECRET_QUERY_KEYS = new Set(['code']);

/** `url` with the values of secret query parameters replaced: `/verify-email?token=[redacted]`. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=');
      if (separator < 0) return pair;
      let key = pair.slice(0, separator);
      try {
        key = decodeURIComponent(key);
      } catch {
        // a malformed name is shown as it came
      }
      return isSecretKey(key) || SECRET_QUERY_KEYS.has(key.toLowerCase()) ? `${pair.slice(0, separator)}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart)}?${query}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

type ErrorLike = { message?: unknown; stack?: unknown; cause?: unknown; [key: string]: unknown };

/** Fields of database errors that hold the values a query was sent with. */
const PARAMETER_KEYS = new Set(['params', 'parameters', 'values', 'queryOptions']);
/** Values shorter than this are not hunted for in messages: "1" or "en" would blank out half the text. */
const MIN_HUNTED_LENGTH = 6;

function isErrorLike(value: unknown): value is ErrorLike {
  return value instanceof Error || (typeof value === 'object' && value !== null && 'message' in value && 'stack' in value);
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    try {
      return JSON.stringify(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Every parameter list on the error and its causes: the lists as their messages print them, and the values. */
function parameterTexts(error: ErrorLike): { lists: string[]; values: string[] } {
  const lists: string[] = [];
  const values = new Set<string>();
  let current: unknown = error;
  for (let level = 0; level < 10 && current && typeof current === 'object'; level++) {
    const candidate = current as ErrorLike;
    for (const key of PARAMETER_KEYS) {
      const parameters = candidate[key];
      if (!Array.isArray(parameters)) continue;
      lists.push(String(parameters)); // DrizzleQueryError prints `params: ${params}`
      for (const parameter of parameters) {
        const text = asText(parameter);
        if (text !== undefined && text.length >= MIN_HUNTED_LENGTH) {
          values.add(text);
          // A value inside JSON (a jsonb parameter, or a message quoting JSON) appears escaped.
          const escaped = JSON.stringify(text).slice(1, -1);
          if (escaped !== text) values.add(escaped);
        }
      }
    }
    current = candidate.cause;
  }
  // Longest first, so a value that contains another is replaced whole.
  return { lists: lists.filter((list) => list.length > 0), values: [...values].sort((a, b) => b.length - a.length) };
}

function scrubText(text: string, secrets: { lists: string[]; values: string[] }): string {
  let result = text;
  for (const list of secrets.lists) result = result.split(`params: ${list}`).join(`params: ${REDACTED}`);
  for (const value of secrets.values) result = result.split(value).join(REDACTED);
  // PostgreSQL's detail quotes the values of a key: `Key (token_hash)=(3f2a…) already exists.`
  return result.replace(/\)=\((?:[^()]|\([^()]*\))*\)/g, `)=(${REDACTED})`);
}

function scrubErrorFields(serialized: Record<string, unknown>, secrets: { lists: string[]; values: string[] }): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    if (PARAMETER_KEYS.has(key) || isSecretKey(key)) result[key] = REDACTED;
    else if (typeof value === 'string') result[key] = scrubText(value, secrets);
    else if (Array.isArray(value)) result[key] = value.map((item) => (isErrorLike(item) ? serializeError(item) : scrubValue(item)));
    else if (isErrorLike(value)) result[key] = serializeError(value);
    else result[key] = scrubValue(value);
  }
  return result;
}

/**
 * pino's error serializer (type, message and stack with their causes, and the error's own fields), with the query
 * parameters of database errors, and any field named like a secret, replaced by "[redacted]" wherever they appear.
 */
export function serializeError(error: unknown): unknown {
  if (!isErrorLike(error)) return scrubValue(error);
  const serialized = pino.stdSerializers.err(error as unknown as Error) as unknown as Record<string, unknown>;
  return scrubErrorFields({ ...serialized }, parameterTexts(error));
}

// ---------------------------------------------------------------------------------------------------------------
// Any logged object

const MAX_SCRUB_DEPTH = 8;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * A copy of a logged value with secret-named fields redacted and errors serialized, to a bounded depth. Objects of
 * other classes are left to their serializers (pino's for `req`, `res` and `err`) or to JSON.
 */
export function scrubValue(value: unknown, depth = 0, seen: Set<unknown> = new Set()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isErrorLike(value)) return serializeError(value);
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_SCRUB_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen));
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = isSecretKey(key) ? REDACTED : scrubValue(item, depth + 1, seen);
    return result;
  } finally {
    seen.delete(value);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

type LoggedRequest = {
  method?: string;
  url?: string;
  ip?: string;
  host?: string;
  headers?: Record<string, unknown>;
  socket?: { remoteAddress?: string; remotePort?: number } | null;
};

/** A request as a log line shows it: method, URL (secrets redacted), host and peer; never its headers. */
export function serializeRequest(request: LoggedRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: typeof request.url === 'string' ? redactUrl(request.url) : request.url,
    host: request.host ?? request.headers?.host,
    remoteAddress: request.ip ?? request.socket?.remoteAddress,
    remotePort: request.socket?.remotePort,
  };
}

/** Header fields pino's redaction removes wherever a request, a response or headers are logged as they are. */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'password',
  'passwordHash',
  'token',
  'tokenHash',
  'secret',
  'apiKey',
  'authorization',
  'cookie',
  'refreshToken',
  'accessToken',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.tokenHash',
  '*.secret',
  '*.apiKey',
  '*.authorization',
  '*.cookie',
  '*.refreshToken',
  '*.accessToken',
  '*.params',
  '*.parameters',
];

/** Keys whose values the serializers below take care of. */
const SERIALIZED_KEYS = new Set(['err', 'error', 'req', 'res']);

/** The top of a log line: secret-named fields redacted, the rest scrubbed, serialized keys left to their serializers. */
function scrubLogObject(object: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    result[key] = SERIALIZED_KEYS.has(key) ? value : isSecretKey(key) ? REDACTED : scrubValue(value, 1);
  }
  return result;
}

/** pino options with every redaction above: for the server's logger and for tests that capture its output. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError, req: serializeRequest },
    formatters: { log: scrubLogObject },
  };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
