/**
 * The wireframes API for the web pages: gallery, one wireframe, edits, generation, downloads and the project ZIP.
 */
import { generatableTemplates, wireframeTemplates, type GeneratableTemplate, type WireframeTemplate } from '../../../shared/workspace-kinds';
import { WIREFRAME_CSP } from '../../../shared/wireframe-csp';
import { API_BASE, apiRequest, isRecord, type Page } from '../../api/http';

export { generatableTemplates, wireframeTemplates, type GeneratableTemplate, type WireframeTemplate };

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
const base = (projectId: string) => `/projects/${enc(projectId)}/wireframes`;

export const wireframesApi = {
  list: (projectId: string, query: { templateType?: WireframeTemplate; limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
    apiRequest<Page<Wireframe>>('GET', base(projectId), { query, signal }),
  get: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Wireframe>('GET', `${base(projectId)}/${enc(id)}`, { signal }),
  create: (projectId: string, input: WireframeInput) => apiRequest<SavedWireframe>('POST', base(projectId), { body: input }),
  /** 409 CONFLICT (details.wireframe: the current one) when baseUpdatedAt is stale. */
  update: (projectId: string, id: string, patch: WireframePatch) => apiRequest<SavedWireframe>('PATCH', `${base(projectId)}/${enc(id)}`, { body: patch }),
  remove: (projectId: string, id: string) => apiRequest<void>('DELETE', `${base(projectId)}/${enc(id)}`),
  /** One screen (screen or templateType given) or a set; the job's result lists wireframeIds. */
  generate: (projectId: string, input: GenerateWireframesInput) => apiRequest<{ jobId: string }>('POST', `${base(projectId)}/generate`, { body: input }),
  downloadUrl: (projectId: string, id: string) => `${API_BASE}${base(projectId)}/${enc(id)}/download`,
  /** The whole project as a ZIP: documents, diagrams, wireframes and an index. */
  projectExportUrl: (projectId: string) => `${API_BASE}/projects/${enc(projectId)}/export.zip`,
};

/** What the sanitizer removed when a generated wireframe was saved (kept in its metadata), if anything. */
export function removedOnGeneration(metadata: Record<string, unknown>): string[] {
  const sanitized = metadata.sanitized;
  if (!isRecord(sanitized) || !Array.isArray(sanitized.removed)) return [];
  return sanitized.removed.filter((item): item is string => typeof item === 'string');
}
