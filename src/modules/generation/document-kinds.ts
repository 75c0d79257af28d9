import type { ObjectTask } from '../../core/ai/index.js';
import { generatableTypes, pipelineTypes, type GeneratableType } from '../../shared/document-kinds.js';
import type { DocumentType } from '../documents/index.js';
import { documentMarketingTask, renderMarketing } from './ai/document-marketing/index.js';
import { documentOverviewTask, renderOverview } from './ai/document-overview/index.js';
import { documentPrdTask, renderPrd } from './ai/document-prd/index.js';
import { documentSrsTask, renderSrs } from './ai/document-srs/index.js';
import { documentTasksTask, renderTasks } from './ai/document-tasks/index.js';
import { documentTechTask, renderTech } from './ai/document-tech/index.js';
import type { DocumentTaskInput, RenderOptions } from './ai/document-writer/index.js';

export { generatableTypes, pipelineTypes, type GeneratableType };

export type DocumentKind = {
  type: GeneratableType & DocumentType;
  /** How the document is named: "<project> — <label>". */
  label: string;
  task: ObjectTask<DocumentTaskInput, unknown>;
  render(output: unknown, options: RenderOptions): string;
  /**
   * Documents of the project this kind draws on, most relevant first (the latest of each type that is not
   * archived). An SRS builds on the scope statement, the requirements and the feasibility study (BA Copilot).
   */
  sources: readonly DocumentType[];
};

function kind<Output>(
  type: GeneratableType,
  label: string,
  task: ObjectTask<DocumentTaskInput, Output>,
  render: (output: Output, options: RenderOptions) => string,
  sources: readonly DocumentType[],
): DocumentKind {
  return { type, label, task: task, render: render, sources };
}

export const documentKinds: Record<GeneratableType, DocumentKind> = {
  srs: kind('srs', 'Software Requirements Specification', documentSrsTask, renderSrs, ['scope_statement', 'prd', 'spec', 'feasibility', 'business_case']),
  prd: kind('prd', 'Product Requirements', documentPrdTask, renderPrd, ['overview', 'scope_statement', 'business_case', 'feasibility', 'srs']),
  overview: kind('overview', 'Overview', documentOverviewTask, renderOverview, ['business_case', 'scope_statement', 'feasibility']),
  marketing: kind('marketing', 'Marketing Plan', documentMarketingTask, renderMarketing, ['overview', 'prd', 'business_case', 'stakeholder_register']),
  tech: kind('tech', 'Technical Design', documentTechTask, renderTech, ['prd', 'srs', 'spec', 'design', 'overview']),
  tasks: kind('tasks', 'Delivery Plan', documentTasksTask, renderTasks, ['prd', 'srs', 'tech', 'roadmap']),
};
