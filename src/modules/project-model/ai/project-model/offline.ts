import type { ProjectModel } from '../../project-model.contract.js';
import { buildModel } from './offline/build.js';
import type { ProjectModelInput } from './schema.js';

/**
 * The built-in engine's reading of an idea into a project model: a linguistic pipeline (part-of-speech tags, noun
 * phrases, subject–verb–object clauses, WordNet's semantic classes and derivations) over the idea, the answers and
 * the documents. Deterministic: the same input gives the same model.
 */
export function buildProjectModel(input: ProjectModelInput): ProjectModel {
  return buildModel(input);
}
