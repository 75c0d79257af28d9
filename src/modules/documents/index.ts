import type { AppModule } from '../../core/module.js';
import { documentsRoutes } from './documents.routes.js';

export {
  appendRevision,
  createDocument,
  findLatestDocument,
  toDocument,
  type AppendRevisionInput,
  type CreateDocumentInput,
  type DocumentRow,
} from './documents.service.js';
export { createProjectVersion, type CreateProjectVersionOptions } from './project-versions.service.js';
export {
  documentSchema,
  documentStatusSchema,
  documentTypeSchema,
  projectVersionSchema,
  type Document,
  type DocumentAtRevision,
  type DocumentListItem,
  type ProjectVersion,
  type RevisionSummary,
} from './documents.contract.js';
export { documents, documentStatuses, documentTypes, type DocumentStatus, type DocumentType } from './documents.schema.js';
export { diffMarkdown, type MarkdownDiff } from './diff.js';
export { firstFreeSlug, slugify as documentSlug } from './slug.js';
export { latestDocumentOfTypes, requireGeneratedContent, requireSourceDocument } from './source-documents.js';

/** Documents, their revisions and the project's versions. */
export const documentsModule: AppModule = { name: 'documents', routes: documentsRoutes };
