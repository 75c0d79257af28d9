import type { Tx } from '../../core/db/database.js';
import type { AiCallContext, AiGateway } from '../../core/ai/index.js';
import { tokenize } from '../../core/text/index.js';
import { projectModelTask, saveProjectModel, withoutDanglingReferences, type ProjectModel } from '../project-model/index.js';
import type { DocumentTaskInput } from './ai/document-writer/index.js';

/**
 * Building the project model a document is drawn from, when the project has none yet (the idea pipeline, or a
 * project whose model was never built): the `project-model` task over the idea, the answers and the sources, then
 * saved as the project's next model revision with the document's job.
 */
export type BuiltModel = { model: ProjectModel; generationId: string; provider: string; modelName: string };

const words = (text: string): string => tokenize(text).join(' ');

/**
 * The clarifying questions settle what is open, whatever the builder read: a question the author answered is never
 * an open question, and one they skipped always is.
 */
export function reconcileOpenQuestions(model: ProjectModel, answers: DocumentTaskInput['answers']): ProjectModel {
  const answered = new Set((answers ?? []).filter((a) => a.answer.trim() !== '').map((a) => words(a.question)));
  const open = model.openQuestions.filter((q) => !answered.has(words(q.question)));
  const listed = new Set(open.map((q) => words(q.question)));
  const ids = new Set(open.map((q) => q.id));
  (answers ?? [])
    .filter((a) => a.answer.trim() === '' && !listed.has(words(a.question)))
    .forEach((a, index) => {
      let id = `unanswered-${index + 1}`;
      while (ids.has(id)) id = `${id}-x`;
      ids.add(id);
      open.push({ id, question: a.question.slice(0, 1000) });
    });
  return { ...model, openQuestions: open.slice(0, 20) };
}

export async function buildProjectModel(ai: AiGateway, input: DocumentTaskInput, call: AiCallContext): Promise<BuiltModel> {
  const generation = await ai.run(
    projectModelTask,
    {
      projectName: input.projectName,
      idea: input.idea,
      ...(input.answers?.length ? { answers: input.answers } : {}),
      ...(input.sources?.length ? { sources: input.sources } : {}),
      ...(input.instructions ? { instructions: input.instructions } : {}),
    },
    call,
  );
  return { model: reconcileOpenQuestions(withoutDanglingReferences(generation.output), input.answers), generationId: generation.generationId, provider: generation.provider, modelName: generation.model };
}

/** "Built from the idea and 3 answers". */
export function builtNote(input: Pick<DocumentTaskInput, 'answers'>): string {
  const answered = (input.answers ?? []).filter((a) => a.answer.trim() !== '').length;
  return answered === 0 ? 'Built from the idea' : `Built from the idea and ${answered} answer${answered === 1 ? '' : 's'}`;
}

export async function saveBuiltModel(
  tx: Tx,
  userId: string,
  organizationId: string,
  projectId: string,
  built: BuiltModel,
  input: Pick<DocumentTaskInput, 'answers'>,
  version: number,
): Promise<{ rev: number }> {
  return saveProjectModel(tx, userId, organizationId, projectId, built.model, { note: builtNote(input), generationId: built.generationId, version });
}
