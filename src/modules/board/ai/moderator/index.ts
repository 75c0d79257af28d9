import { defineObjectTask } from '../../../../core/ai/task.js';
import { moderateOffline } from './offline.js';
import { moderatorPrompt } from './prompt.js';
import { moderatorInput, moderatorOutput, type ModeratorInput, type ModeratorOutput } from './schema.js';

export type { ModeratorInput, ModeratorOutput } from './schema.js';

export const boardModeratorTask = defineObjectTask<ModeratorInput, ModeratorOutput>({
  name: 'board-moderator',
  generationType: 'board',
  description: 'The contrarian moderator’s intervention when the panel converges without new evidence',
  input: moderatorInput,
  output: moderatorOutput,
  buildPrompt: moderatorPrompt,
  prose: (output) => [
    { path: 'challenge', text: output.challenge, kind: 'prose' },
    { path: 'content', text: output.content, kind: 'markdown' },
  ],
  builtin: (input) => moderateOffline(input),
});
