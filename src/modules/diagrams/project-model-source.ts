import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { truncate } from '../../core/text/index.js';
import { splitMarkdownSections } from '../../shared/markdown-sections.js';
import { latestDocumentOfTypes } from '../documents/index.js';
import { ideaOf, type ProjectRow } from '../projects/index.js';
import { loadProjectModel, projectModelTask, saveProjectModel, type ProjectModel, type ProjectModelInput } from '../project-model/index.js';

/** The documents a model is read from when a view has to build one, in order of preference. */
const MODEL_SOURCES = ['srs', 'prd', 'overview'] as const;
const MAX_SECTIONS = 40;

export type ModelCall = { organizationId: string; projectId: string; userId: string; jobId: string; signal?: AbortSignal };

/**
 * The project model a generated view (diagram, wireframe) is drawn from: the project's current model, or, when it
 * has none yet, one built now (the caller checked the user may write to `project`) with the `project-model` task from the idea and the latest documents and saved as
 * the first revision with `note`. The model call runs outside any transaction.
 */
export async function projectModelForView(
  context: AppContext,
  call: ModelCall,
  project: Pick<ProjectRow, 'name' | 'ideaPrompt' | 'description'>,
  note: string,
): Promise<{ model: ProjectModel; built: boolean }> {
  const stored = await withUser(context.db, call.userId, (tx) => loadProjectModel(tx, call.projectId));
  if (stored) return { model: stored.model, built: false };
  const input = await withUser(context.db, call.userId, async (tx): Promise<ProjectModelInput> => {
    const documents = await latestDocumentOfTypes(tx, call.projectId, MODEL_SOURCES);
    const sources = documents.map((document) => ({
      documentId: document.id,
      type: document.type,
      title: truncate(document.title, 255),
      sections: splitMarkdownSections(document.contentMarkdown)
        .filter((section) => section.bodyMd.trim() !== '')
        .slice(0, MAX_SECTIONS)
        .map((section) => ({ id: section.blockId.slice(0, 300), heading: (section.heading ?? '').slice(0, 500), text: section.bodyMd.slice(0, 8000) })),
    }));
    return { projectName: truncate(project.name, 255), idea: ideaOf(project), ...(sources.length ? { sources } : {}) };
  });
  const generation = await context.ai.run(projectModelTask, input, call);
  await withUser(context.db, call.userId, (tx) =>
    saveProjectModel(tx, call.userId, call.organizationId, call.projectId, generation.output, { note, generationId: generation.generationId }),
  );
  return { model: generation.output, built: true };
}
