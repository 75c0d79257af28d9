/**
 * The one HTTP core every module's client (src/web/modules/<module>/client.ts) calls through. The server keeps the
 * session in httpOnly cookies, so requests only need `credentials: 'same-origin'`. A 401 triggers one refresh (shared
 * by every request that failed at the same time) and one retry; when the refresh fails too, the app is told the
 * session is over.
 */

import type { FieldError } from '../../shared/api-error';

export type { FieldError };

/** An error answered by the server (or the network), in the server's error shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldError[];
  readonly requestId: string | undefined;
  /** `error.details` as the server sent it, for errors whose details are not a list of fields (a stale edit's 409). */
  readonly data: unknown;

  constructor(status: number, code: string, message: string, details: FieldError[] = [], requestId?: string, data?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
    this.data = data;
  }

  /** The message for one input, matched on the last segment of the field path (`body.email` → `email`). */
  fieldError(field: string): string | undefined {
    const hit = this.details.find((d) => d.field === field || d.field.split('.').pop() === field);
    return hit?.message;
  }

  /** True when every detail names one of the form's inputs, so a banner would only repeat what they show. */
  coveredBy(fields: string[]): boolean {
    return this.details.length > 0 && this.details.every((d) => fields.includes(d.field.split('.').pop() ?? d.field));
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDetails(details: unknown): FieldError[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) =>
    isRecord(d) && typeof d.field === 'string' && typeof d.message === 'string' ? [{ field: d.field, message: d.message }] : [],
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(
      response.status,
      error.code,
      error.message,
      parseDetails(error.details),
      typeof error.requestId === 'string' ? error.requestId : undefined,
      error.details,
    );
  }
  return new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status} ${response.statusText}`.trim());
}

/** Query fields; empty, null and undefined ones are left out. */
export type Query = Record<string, unknown>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // Query parameters are scalars; an empty string means "not given".
    if ((typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Where the API lives; paths given to the helpers below are relative to it. */
export const API_BASE = '/api/v1';

/** `accept` defaults to JSON; a streamed answer asks for `text/event-stream`. */
type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal; accept?: string };

/** Endpoints whose 401 means "wrong credentials or token", never "session expired". */
const noRefreshPaths = [
  '/auth/login',
  '/auth/refresh',
  '/auth/register',
  '/auth/verify-email',
  '/auth/resend-verification',
  '/auth/forgot-password',
  '/auth/reset-password',
  '/auth/logout',
];

let sessionEndedListener: (() => void) | undefined;
let refreshInFlight: Promise<boolean> | undefined;

/** Called once the session cannot be refreshed any more (the app goes to the login page). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListener = listener;
  return () => {
    if (sessionEndedListener === listener) sessionEndedListener = undefined;
  };
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(`${API_BASE}${withQuery(path, options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the Atelier server. Check your connection and try again.');
  }
}

function refreshSession(): Promise<boolean> {
  refreshInFlight ??= send('POST', '/auth/refresh', { body: {} })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshInFlight = undefined;
    });
  return refreshInFlight;
}

/**
 * The response to an API call, after one session refresh on a 401; any other failure is thrown as an ApiError. For
 * bodies that are not JSON (a streamed answer); everything else uses `apiRequest`.
 */
export async function apiResponse(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  let response = await send(method, path, options);
  if (response.status === 401 && !noRefreshPaths.includes(path)) {
    if (await refreshSession()) response = await send(method, path, options);
    if (response.status === 401) {
      const error = await toApiError(response);
      sessionEndedListener?.();
      throw error;
    }
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** One API call answered with JSON (or nothing, for a 204). */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A path segment (an id, a name) made safe for a URL. */
export const enc = encodeURIComponent;

/** A readable message for anything thrown by the client. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
