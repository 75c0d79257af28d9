export { indexRevisionSections, type RevisionToIndex } from './section-index.js';
