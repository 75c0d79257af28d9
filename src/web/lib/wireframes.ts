/**
 * The wireframes API for the web pages: gallery, one wireframe, edits, generation, downloads and the project ZIP.
 * The shared client keeps its request helper private, so these calls use fetch the same way (same-origin cookies,
 * the server's error shape as ApiError) and let the shared client refresh an expired session.
 */
import { api, ApiError, type FieldError, type Page } from '../api/client';

export const wireframeTemplates = ['list', 'detail', 'form', 'dashboard', 'auth', 'custom'] as const;
export type WireframeTemplate = (typeof wireframeTemplates)[number];
/** The templates the built-in engine draws; `custom` is for hand-written markup. */
export const generatableTemplates = ['list', 'detail', 'form', 'dashboard', 'auth'] as const;
export type GeneratableTemplate = (typeof generatableTemplates)[number];

export const templateLabels: Record<WireframeTemplate, string> = {
  list: 'List',
  detail: 'Detail',
  form: 'Form',
  dashboard: 'Dashboard',
  auth: 'Sign in',
  custom: 'Custom',
};

export type Wireframe = {
  id: string;
  organizationId: string;
  projectId: string;
  title: string;
  description: string | null;
  htmlContent: string;
  cssContent: string | null;
  templateType: WireframeTemplate | null;
  metadata: Record<string, unknown>;
  sourceDocumentId: string | null;
  creatorId: string | null;
  generationId: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A create or an edit answers with what the sanitizer removed from the HTML and CSS. */
export type SavedWireframe = Wireframe & { sanitized: { removed: string[] } };

export type WireframeInput = { title: string; description?: string | null; htmlContent: string; cssContent?: string | null; templateType?: WireframeTemplate | null };
export type WireframePatch = Partial<WireframeInput> & { baseUpdatedAt?: string };
export type GenerateWireframesInput = { from?: string; screen?: string; templateType?: GeneratableTemplate };

/**
 * The policy the preview and the downloaded file start with: no request of any kind, inline styles and data images
 * only. The server writes the same one into downloads (src/modules/wireframes/wireframe-document.ts).
 */
export const WIREFRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The srcdoc of a preview iframe. The iframe carries `sandbox=""` (no scripts, no same origin), and this document
 * forbids every request, so markup that slipped past the server's sanitizer still cannot run or load anything.
 */
export function previewDocument(wireframe: Pick<Wireframe, 'title' | 'htmlContent' | 'cssContent'>): string {
  const css = (wireframe.cssContent ?? '').replace(/<\/style/gi, '');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${WIREFRAME_CSP}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(wireframe.title)}</title>`,
    `<style>${css}</style></head><body>`,
    wireframe.htmlContent,
    '</body></html>',
  ].join('');
}

const enc = encodeURIComponent;
const base = (projectId: string) => `/api/v1/projects/${enc(projectId)}/wireframes`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details: FieldError[] = Array.isArray(error.details)
      ? error.details.flatMap((d) => (isRecord(d) && typeof d.field === 'string' && typeof d.message === 'string' ? [{ field: d.field, message: d.message }] : []))
      : [];
    return new ApiError(response.status, error.code, error.message, details, typeof error.requestId === 'string' ? error.requestId : undefined, error.details);
  }
  return new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status} ${response.statusText}`.trim());
}

async function json<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const attempt = () =>
    fetch(url, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  let response: Response;
  try {
    response = await attempt();
    if (response.status === 401) {
      // Any call through the shared client refreshes the session once (or ends it); then try again.
      await api.me.get(signal);
      response = await attempt();
    }
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the Atelier server. Check your connection and try again.');
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function withQuery(url: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

export const wireframesApi = {
  list: (projectId: string, query: { templateType?: WireframeTemplate; limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
    json<Page<Wireframe>>('GET', withQuery(base(projectId), query), undefined, signal),
  get: (projectId: string, id: string, signal?: AbortSignal) => json<Wireframe>('GET', `${base(projectId)}/${enc(id)}`, undefined, signal),
  create: (projectId: string, input: WireframeInput) => json<SavedWireframe>('POST', base(projectId), input),
  /** 409 CONFLICT (details.wireframe: the current one) when baseUpdatedAt is stale. */
  update: (projectId: string, id: string, patch: WireframePatch) => json<SavedWireframe>('PATCH', `${base(projectId)}/${enc(id)}`, patch),
  remove: (projectId: string, id: string) => json<void>('DELETE', `${base(projectId)}/${enc(id)}`),
  /** One screen (screen or templateType given) or a set; the job's result lists wireframeIds. */
  generate: (projectId: string, input: GenerateWireframesInput) => json<{ jobId: string }>('POST', `${base(projectId)}/generate`, input),
  downloadUrl: (projectId: string, id: string) => `${base(projectId)}/${enc(id)}/download`,
  /** The whole project as a ZIP: documents, diagrams, wireframes and an index. */
  projectExportUrl: (projectId: string) => `/api/v1/projects/${enc(projectId)}/export.zip`,
};

/** What the sanitizer removed when a generated wireframe was saved (kept in its metadata), if anything. */
export function removedOnGeneration(metadata: Record<string, unknown>): string[] {
  const sanitized = metadata.sanitized;
  if (!isRecord(sanitized) || !Array.isArray(sanitized.removed)) return [];
  return sanitized.removed.filter((item): item is string => typeof item === 'string');
}
