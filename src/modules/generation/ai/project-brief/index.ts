import { defineObjectTask } from '../../../../core/ai/task.js';
import { composeBrief } from './offline.js';
import { projectBriefPrompt } from './prompt.js';
import { projectBriefInput, projectBriefOutput, type ProjectBrief, type ProjectBriefInput } from './schema.js';

export { projectBriefInput, projectBriefOutput, type ProjectBrief, type ProjectBriefInput } from './schema.js';

export const projectBriefTask = defineObjectTask<ProjectBriefInput, ProjectBrief>({
  name: 'project-brief',
  description: 'A project brief (problem, goals, users, features, risks, success metrics) from an idea',
  input: projectBriefInput,
  output: projectBriefOutput,

  buildPrompt: projectBriefPrompt,

  builtin: (input) => composeBrief(input),
});
