import { emptyProjectModel, type ProjectModel } from '../../project-model.contract.js';
import type { ProjectModelInput } from './schema.js';

/** The built-in engine's reading of an idea into a project model. */
export function buildProjectModel(input: ProjectModelInput): ProjectModel {
  void input;
  return emptyProjectModel();
}
