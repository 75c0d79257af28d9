/**
 * The body of every error answer, as src/core/http/error-handler.ts writes it and the web client reads it. A
 * validation error's details list the fields it refused; other errors may carry details of their own (the current
 * document of a stale edit, the line of a diagram that does not parse).
 */
export type ErrorBody = { error: { code: string; message: string; details?: unknown; requestId: string } };

/** One refused field of a validation error: its path (`name`, `answers.0.answer`), what a person reads, and where it came in. */
export type FieldError = { field: string; message: string; in?: string };
