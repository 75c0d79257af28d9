/**
 * One error type for the whole server. Services throw AppError with a code from this table; the HTTP layer maps
 * the code to a status once (core/http/error-handler.ts). Services never know about HTTP.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 400,
  OUT_OF_CREDITS: 402,
  BUDGET_EXCEEDED: 402,
  FORBIDDEN: 403,
  EMAIL_NOT_VERIFIED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  CANCELLED: 409,
  LAST_OWNER: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCKED: 423,
  TOO_MANY_REQUESTS: 429,
  UNPROCESSABLE: 422,
  INTERNAL: 500,
  AI_PROVIDER_ERROR: 502,
  AI_OUTPUT_INVALID: 502,
  SERVICE_UNAVAILABLE: 503,
  AI_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * A code a module defines for its own refusals, with the status it answers; core knows none of them. Define it
 * once in the module (`defineErrorCode('SOME_CODE', 422)`) and throw `new AppError(SOME_CODE, …)`.
 */
export type ModuleErrorCode = { readonly code: string; readonly status: number };

export function defineErrorCode(code: string, status: number): ModuleErrorCode {
  return { code, status };
}

export type ErrorDetails = Record<string, unknown> | Array<Record<string, unknown>>;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  /** The code as given, so the error can be re-raised with other details (see withDetails). */
  private readonly given: ErrorCode | ModuleErrorCode;
  readonly details: ErrorDetails | undefined;
  /** Extra response headers, e.g. Retry-After for throttling. */
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode | ModuleErrorCode, message: string, options: { details?: ErrorDetails; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'AppError';
    this.given = code;
    this.code = typeof code === 'string' ? code : code.code;
    this.status = typeof code === 'string' ? errorStatus[code] : code.status;
    this.details = options.details;
    this.headers = options.headers;
  }

  /** The same error (code, status, message, headers) carrying other details. */
  withDetails(details: ErrorDetails): AppError {
    return new AppError(this.given, this.message, { details, ...(this.headers ? { headers: this.headers } : {}) });
  }
}

/** The answer for a resource that is missing or belongs to someone else: the two must be indistinguishable. */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}
