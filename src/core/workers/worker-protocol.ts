import { AppError, type ErrorDetails } from '../errors.js';

/** One call, main thread → worker. */
export type CallRequest = { id: number; fn: string; payload: unknown };

/** An error as it crosses threads: structured cloning keeps neither the class nor an AppError's code and details. */
export type SentError = {
  name: string;
  message: string;
  stack: string | undefined;
  app: { code: string; status: number; details: ErrorDetails | undefined } | undefined;
};

/** The answer, worker → main thread; `ready` tells that the worker has loaded its functions. */
export type CallReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SentError };
export type WorkerMessage = CallReply | { ready: true };

export function toSent(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined, app: undefined };
  const app = error instanceof AppError ? { code: error.code, status: error.status, details: error.details } : undefined;
  return { name: error.name, message: error.message, stack: error.stack, app };
}

/** The error the function threw, as the caller would have seen it had the function run in its own thread. */
export function revive(sent: SentError): Error {
  const error = sent.app
    ? new AppError({ code: sent.app.code, status: sent.app.status }, sent.message, sent.app.details === undefined ? {} : { details: sent.app.details })
    : new Error(sent.message);
  if (!sent.app) error.name = sent.name;
  if (sent.stack) error.stack = sent.stack;
  return error;
}
