import { truncate } from '../../core/text/index.js';
import type { ProjectRow } from './projects.service.js';

/** The longest idea handed to a model. */
export const MAX_IDEA_CHARS = 20_000;

/** What the project is about, in its author's words: the idea prompt, else the description, else the name. */
export function ideaOf(project: Pick<ProjectRow, 'ideaPrompt' | 'description' | 'name'>): string {
  const idea = project.ideaPrompt?.trim() || project.description?.trim() || project.name.trim();
  return truncate(idea, MAX_IDEA_CHARS);
}
