import { AppError, defineErrorCode } from '../../../core/errors.js';

/**
 * Why a connection to an outside database could not be used. Every message is written here or scrubbed of the
 * password before it is kept: the URI (with its credentials) never reaches an answer, a stored test result or a log.
 */
export type DriverFailure =
  | 'not_supported'
  | 'invalid_uri'
  | 'host_refused'
  | 'connection_refused'
  | 'auth_failed'
  | 'unknown_database'
  | 'timeout'
  | 'failed';

/** mssql and mongodb are accepted as types but have no driver yet. */
export const DB_TYPE_NOT_SUPPORTED = defineErrorCode('DB_TYPE_NOT_SUPPORTED', 422);
/** The deny list, Atelier's own database or the SQLite roots refuse the target. */
export const DB_HOST_REFUSED = defineErrorCode('DB_HOST_REFUSED', 422);
/** The server could not be reached or refused the sign-in. */
export const DB_CONNECTION_FAILED = defineErrorCode('DB_CONNECTION_FAILED', 502);

const codes = {
  not_supported: DB_TYPE_NOT_SUPPORTED,
  invalid_uri: 'VALIDATION_FAILED',
  host_refused: DB_HOST_REFUSED,
  connection_refused: DB_CONNECTION_FAILED,
  auth_failed: DB_CONNECTION_FAILED,
  unknown_database: DB_CONNECTION_FAILED,
  timeout: DB_CONNECTION_FAILED,
  failed: DB_CONNECTION_FAILED,
} as const;

export class DriverError extends AppError {
  readonly failure: DriverFailure;

  constructor(failure: DriverFailure, message: string) {
    // An invalid URI is bad input: the 400 names the field it came in.
    super(codes[failure], message, failure === 'invalid_uri' ? { details: [{ field: 'connectionUri', message, in: 'body' }] } : {});
    this.name = 'DriverError';
    this.failure = failure;
  }
}

export function notSupportedYet(dbType: string): DriverError {
  return new DriverError('not_supported', `${dbType} connections are not supported yet: Atelier reads PostgreSQL, MySQL/MariaDB and SQLite`);
}

/** `text` with every given secret (password, whole URI, …) replaced, for messages that quote a server's error. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (!secret) continue;
    result = result.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join('[redacted]');
  }
  return result;
}
