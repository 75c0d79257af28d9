import type { AppModule } from '../../core/module.js';
import { projectModelTask } from './ai/project-model/index.js';
import { buildModelJob } from './build-model.job.js';
import { projectModelRoutes } from './project-model.routes.js';

export {
  emptyProjectModel,
  modelCorrectionSchema,
  projectModelSchema,
  type AttributeType,
  type Cardinality,
  type ModelActor,
  type ModelAttribute,
  type ModelConstraint,
  type ModelCorrection,
  type ModelEntity,
  type ModelMetric,
  type ModelQuestion,
  type ModelRelationship,
  type ModelRule,
  type ModelSource,
  type ModelStep,
  type ModelTerm,
  type ModelUseCase,
  type ProjectModel,
} from './project-model.contract.js';
export { projectModelTask, type ProjectModelInput } from './ai/project-model/index.js';
export { loadProjectModel, saveProjectModel, type SaveModelOptions, type StoredModel } from './model-store.js';
export { renderModelMarkdown } from './render-markdown.js';
export { validateModel, type ModelProblem } from './validate-model.js';
export { applyCorrection, type CorrectionResult } from './corrections.js';
export { BUILD_MODEL_JOB } from './model-build.service.js';
export { ensureProjectModel } from './ensure-model.js';
export { withoutDanglingReferences } from './model-references.js';

/** The project model: what was understood of a project, versioned, corrected by people, drawn on by every artifact. */
export const projectModelModule: AppModule = {
  name: 'project-model',
  routes: projectModelRoutes,
  jobs: (context) => [buildModelJob(context)],
  aiTasks: [projectModelTask],
};
