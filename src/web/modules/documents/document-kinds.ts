import type { ResponseOf } from '../../api/contract-types';
import { isRecord } from '../../api/http';
import type { sourceCitationSchema } from '../../../modules/generation/generation.contract';
import { documentStatuses, documentTypes, generatableTypes, pipelineTypes, type DocumentStatus, type DocumentType, type GeneratableType } from '../../../shared/document-kinds';
import { aiProviders, type AiProvider } from '../ai/client';

export { documentStatuses, documentTypes, generatableTypes, pipelineTypes, type DocumentStatus, type DocumentType, type GeneratableType };

/** A section of the project's documents cited by a generated document (metadata.citations). */
export type Citation = ResponseOf<typeof sourceCitationSchema>;

export const documentTypeLabels: Record<DocumentType, string> = {
  srs: 'SRS',
  prd: 'PRD',
  spec: 'Specification',
  design: 'Design',
  overview: 'Overview',
  marketing: 'Marketing',
  tech: 'Tech',
  tasks: 'Tasks',
  business_case: 'Business case',
  scope_statement: 'Scope statement',
  stakeholder_register: 'Stakeholder register',
  risk_register: 'Risk register',
  roadmap: 'Roadmap',
  feasibility: 'Feasibility',
  decision_record: 'Decision record',
  other: 'Other',
};

/** What a generated document of each kind is, for the generate dialog. */
export const generatableDescriptions: Record<string, string> = {
  srs: 'Software Requirements Specification — IEEE 830 / ISO 29148 outline with numbered requirements',
  prd: 'Product requirements — goals, users, stories with acceptance criteria, prioritised requirements',
  overview: 'Overview — the problem, who it is for, the solution and how success is measured',
  marketing: 'Marketing plan — positioning, audience segments, channels and launch',
  tech: 'Technical design — architecture, data model, interfaces and risks',
  tasks: 'Delivery plan — phased tasks with estimates and dependencies',
};

export type GeneratedBy = { provider: AiProvider; model: string; task: string | null; generationId: string | null };

/** Who wrote a generated document, from its metadata (`generatedBy`). */
export function generatedByOf(metadata: Record<string, unknown>): GeneratedBy | null {
  const by = metadata.generatedBy;
  if (!isRecord(by) || typeof by.provider !== 'string' || typeof by.model !== 'string') return null;
  const provider = (aiProviders as readonly string[]).includes(by.provider) ? (by.provider as AiProvider) : 'builtin';
  return {
    provider,
    model: by.model,
    task: typeof by.task === 'string' ? by.task : null,
    generationId: typeof by.generationId === 'string' ? by.generationId : null,
  };
}

/** The sections a generated document drew on (`metadata.citations`), when it names any. */
export function citationsOf(metadata: Record<string, unknown>): Citation[] {
  const list = metadata.citations;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (c): c is Citation => isRecord(c) && typeof c.documentId === 'string' && typeof c.blockId === 'string' && typeof c.documentTitle === 'string',
  );
}

/** The page of a document, optionally opened at one of its sections (a block id from search or a citation). */
export function documentPath(projectId: string, documentId: string, options: { section?: string | null; edit?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (options.section) params.set('section', options.section);
  if (options.edit) params.set('edit', '1');
  const query = params.toString();
  return `/projects/${projectId}/documents/${documentId}${query ? `?${query}` : ''}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
