/**
 * The kinds of documents, as plain lists that the server (database checks, contracts, generator) and the web page
 * (pickers, labels) both import, so a new kind is added in one place. Free of Node and DOM APIs.
 */

export const documentTypes = [
  'srs',
  'prd',
  'spec',
  'design',
  'overview',
  'marketing',
  'tech',
  'tasks',
  'business_case',
  'scope_statement',
  'stakeholder_register',
  'risk_register',
  'roadmap',
  'feasibility',
  'decision_record',
  'other',
] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentStatuses = ['draft', 'generated', 'published', 'archived'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** The kinds the generator writes. */
export const generatableTypes = ['srs', 'prd', 'overview', 'marketing', 'tech', 'tasks'] as const satisfies readonly DocumentType[];
export type GeneratableType = (typeof generatableTypes)[number];

/** The idea pipeline's documents, in the order it writes them (after the project model they are drawn from). */
export const pipelineTypes = ['overview', 'prd', 'srs', 'marketing', 'tech', 'tasks'] as const satisfies readonly GeneratableType[];
