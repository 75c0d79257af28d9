import { AppError } from '../../core/errors.js';

/** 400 naming the body field at fault: "Invalid body: config.url: URL must be an http:// or https:// URL". */
export function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${field}: ${message}`, { details: [{ field, message, in: 'body' }] });
}
