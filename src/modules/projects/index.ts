import type { AppModule } from '../../core/module.js';
import { projectsRoutes } from './projects.routes.js';

export { requireProjectAccess, requireProjectRole, toProject, type ProjectRow } from './projects.service.js';
export { projectRoleFirst } from './project-role-first.js';
export { deriveProjectKey, PROJECT_KEY_PATTERN } from './project-key.js';
export { ideaOf, MAX_IDEA_CHARS } from './project-idea.js';
export { enqueueIdeaPipeline, IDEA_PIPELINE_JOB, type IdeaPipelineStage } from './idea-pipeline.enqueue.js';
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

/** Projects of an organization, and the idea a project may start from. */
export const projectsModule: AppModule = { name: 'projects', routes: projectsRoutes };
