export { requireProjectAccess, requireProjectRole, toProject, type ProjectRow } from './projects.service.js';
export { deriveProjectKey, PROJECT_KEY_PATTERN } from './project-key.js';
export { ideaOf, MAX_IDEA_CHARS } from './project-idea.js';
export { projectSchema, projectStatusSchema, type Project } from './projects.contract.js';
export {
  analyzeText,
  asGroup,
  extractKeyTerms,
  findActors,
  findEntities,
  findRequirements,
  isPersonNoun,
  isProblemStatement,
  priorityOf,
  topicsOf,
  type ActorAction,
  type Entity,
  type KeyTerm,
  type Priority,
  type Requirement,
  type RequirementKind,
  type TextAnalysis,
} from './idea-analysis/index.js';
