import { defineObjectTask } from '../../../../core/ai/task.js';
import { withoutDanglingReferences } from '../../model-references.js';
import { buildProjectModel } from './offline.js';
import { withWholeSentences } from './whole-sentences.js';
import { projectModelPrompt } from './prompt.js';
import { projectModelInput, projectModelOutput, type ProjectModel, type ProjectModelInput } from './schema.js';

export { projectModelInput, projectModelOutput, type ProjectModel, type ProjectModelInput } from './schema.js';

export const projectModelTask = defineObjectTask<ProjectModelInput, ProjectModel>({
  name: 'project-model',
  description: 'The project model (actors, entities, use cases, rules, metrics, constraints) read from an idea, its answers and documents',
  input: projectModelInput,
  output: projectModelOutput,

  buildPrompt: projectModelPrompt,
  // The reading never yields a reference to an item it did not keep: such a model could not be saved.
  builtin: (input) => withWholeSentences(withoutDanglingReferences(buildProjectModel(input)), input.projectName),
});
