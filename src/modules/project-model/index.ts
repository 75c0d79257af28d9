import type { AppModule } from '../../core/module.js';
import { projectModelTask } from './ai/project-model/index.js';

export {
  emptyProjectModel,
  projectModelSchema,
  type AttributeType,
  type Cardinality,
  type ModelActor,
  type ModelAttribute,
  type ModelConstraint,
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

/** The project model: what was understood of a project, versioned, corrected by people, drawn on by every artifact. */
export const projectModelModule: AppModule = {
  name: 'project-model',
  aiTasks: [projectModelTask],
};
