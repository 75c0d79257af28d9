import { defineObjectTask } from '../../../../core/ai/task.js';
import { voteOffline } from './offline.js';
import { votePrompt } from './prompt.js';
import { voteInput, voteOutput, type VoteInput, type VoteOutput } from './schema.js';

export type { VoteInput, VoteOutput } from './schema.js';

export const boardVoteTask = defineObjectTask<VoteInput, VoteOutput>({
  name: 'board-vote',
  generationType: 'board',
  description: 'One persona’s ballot: every option ranked, the acceptable ones approved, with its reasoning and confidence',
  input: voteInput,
  output: voteOutput,
  buildPrompt: votePrompt,
  prose: (output) => [{ path: 'reasoning', text: output.reasoning, kind: 'prose' }],
  builtin: (input) => voteOffline(input),
});
