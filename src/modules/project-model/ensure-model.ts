import type { AiCallContext } from '../../core/ai/index.js';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { projectModelTask } from './ai/project-model/index.js';
import { loadModelSources } from './model-build.service.js';
import { withoutDanglingReferences } from './model-references.js';
import { loadProjectModel, saveProjectModel } from './model-store.js';
import type { ProjectModel } from './project-model.contract.js';

/**
 * The model an artifact (diagram, wireframe) is drawn from: the project's current model, or, when it has none yet,
 * one built now from the idea, the answers and the documents and saved as the first revision with `note`. The
 * caller checked that the user may write to the project; the model call runs outside any transaction.
 */
export async function ensureProjectModel(context: AppContext, call: AiCallContext & { projectId: string }, note: string): Promise<{ model: ProjectModel; built: boolean }> {
  const stored = await withUser(context.db, call.userId, (tx) => loadProjectModel(tx, call.projectId));
  if (stored) return { model: stored.model, built: false };
  const sources = await withUser(context.db, call.userId, (tx) => loadModelSources(tx, call.userId, call.projectId, undefined));
  const generation = await context.ai.run(projectModelTask, sources.input, call);
  const model = withoutDanglingReferences(generation.output);
  await withUser(context.db, call.userId, (tx) =>
    saveProjectModel(tx, call.userId, call.organizationId, call.projectId, model, { note, generationId: generation.generationId }),
  );
  return { model, built: true };
}
