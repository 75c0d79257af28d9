import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type ErrorDetails } from '../errors.js';

export type ErrorBody = { error: { code: string; message: string; details?: ErrorDetails; requestId: string } };

export function errorBody(request: FastifyRequest, code: ErrorCode | (string & {}), message: string, details?: ErrorDetails): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId: String(request.id) } };
}

// PostgreSQL errors that bad input can still provoke past validation (a race on a unique key, say).
const postgresErrors: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'CONFLICT', message: 'A resource with the same unique value already exists' },
  '23503': { code: 'CONFLICT', message: 'A referenced resource does not exist or is still in use' },
  '23514': { code: 'VALIDATION_FAILED', message: 'A value is outside its allowed range' },
  '22P02': { code: 'VALIDATION_FAILED', message: 'A value has the wrong format' },
  '22001': { code: 'VALIDATION_FAILED', message: 'A value is too long' },
  // Text PostgreSQL cannot store (U+0000, a lone surrogate): the input guard refuses it first; this is the backstop.
  '22021': { code: 'VALIDATION_FAILED', message: 'A value contains a character that cannot be stored' },
  '22P05': { code: 'VALIDATION_FAILED', message: 'A value contains a character that cannot be stored' },
  '40001': { code: 'CONFLICT', message: 'A concurrent change interfered; retry the request' },
  '40P01': { code: 'CONFLICT', message: 'A concurrent change interfered; retry the request' },
};

function fieldPath(instancePath: string, missing: unknown): string {
  const fromPath = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return typeof missing === 'string' && missing ? (fromPath ? `${fromPath}.${missing}` : missing) : fromPath;
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const details = error.validation.map((issue) => {
      const params = issue.params as { keys?: string[] };
      const unknownKeys = params.keys;
      const field = fieldPath(issue.instancePath, unknownKeys?.join(',')) || where;
      return { field, message: issue.message ?? 'is invalid', in: where };
    });
    const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', `Invalid ${where}: ${summary}`, { details });
  }
  const fastifyError = error as Partial<FastifyError> & { code?: string };
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', `The request body is not valid JSON: ${fastifyError.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', 'Content-Length does not match the body');
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new AppError('INVALID_JSON', `The request body is not valid JSON: ${error.message}`);
  }
  // Drizzle wraps driver errors (DrizzleQueryError); the PostgreSQL error is its cause.
  const dbError = (error instanceof Error && error.cause instanceof Error ? error.cause : error) as { code?: unknown; constraint?: string };
  const pgCode = dbError.code;
  if (typeof pgCode === 'string' && pgCode in postgresErrors) {
    const known = postgresErrors[pgCode]!;
    const constraint = dbError.constraint;
    return new AppError(known.code, known.message, constraint ? { details: { constraint } } : {});
  }
  // Any other 4xx Fastify raised itself (e.g. a malformed URL) keeps its status as a bad request.
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('BAD_REQUEST', fastifyError.message ?? 'Bad request');
  }
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (!appError) {
      const serialization = isResponseSerializationError(error);
      request.log.error({ err: error, serialization }, 'unhandled error');
      return reply.status(500).send(errorBody(request, 'INTERNAL', 'Something went wrong on our side; quote the request id when reporting it'));
    }
    if (appError.headers) void reply.headers(appError.headers);
    return reply.status(appError.status).send(errorBody(request, appError.code, appError.message, appError.details));
  });
}
