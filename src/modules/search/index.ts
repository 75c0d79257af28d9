import type { AppModule } from '../../core/module.js';
import { searchRoutes } from './search.routes.js';

export { indexedSections, indexRevisionSections, sectionRowsOf, type RevisionToIndex } from './section-index.js';
export { splitMarkdownSections, type MarkdownSection } from '../../shared/markdown-sections.js';
export { EMBEDDING_DIMENSIONS, EMBEDDING_MODEL, embedSection, embedText, featureSimilarity, sectionFeatures, type FeatureVector } from './embeddings.js';
export { retrieveSections, searchProject, type RetrievedSection } from './search.service.js';
export { searchHitSchema, searchResultSchema, type SearchHit, type SearchResult } from './search.contract.js';

/** The section index of every document revision, searched by words and by meaning. */
export const searchModule: AppModule = { name: 'search', routes: searchRoutes };
