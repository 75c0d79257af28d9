import { AppError, defineErrorCode } from '../../../core/errors.js';

/** A statement the guard or the connection's mode refuses; the message names what was refused. */
export const SQL_NOT_ALLOWED = defineErrorCode('SQL_NOT_ALLOWED', 422);
/** The database ran the statement and reported an error (syntax, missing table, …): its message, scrubbed. */
export const SQL_FAILED = defineErrorCode('SQL_FAILED', 422);
/** The statement ran past the statement timeout and the server stopped it. */
export const SQL_TIMEOUT = defineErrorCode('SQL_TIMEOUT', 422);

export function sqlNotAllowed(refusal: string): AppError {
  return new AppError(SQL_NOT_ALLOWED, `Refused: ${refusal}`, { details: { refused: refusal } });
}

export function sqlFailed(message: string): AppError {
  return new AppError(SQL_FAILED, message.slice(0, 1000));
}

export function sqlTimedOut(timeoutMs: number): AppError {
  return new AppError(SQL_TIMEOUT, `The statement ran longer than ${timeoutMs} ms and was stopped`);
}

/** Aborting a run (the person pressed cancel): the statement was stopped on the server. */
export function sqlCancelled(): AppError {
  return new AppError('CANCELLED', 'The statement was cancelled');
}

/** The refusal when EXPLAIN prices a statement above the configured maximum. */
export function costRefusal(totalCost: number, maxCost: number): string {
  return `estimated cost ${Math.round(totalCost)} above the limit of ${maxCost}: narrow the query (filters, LIMIT)`;
}
