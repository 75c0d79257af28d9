import { defineObjectTask } from '../../../../core/ai/task.js';
import { synthesizeOffline } from './offline.js';
import { synthesisPrompt } from './prompt.js';
import { synthesisInput, synthesisOutput, type SynthesisInput, type SynthesisOutput } from './schema.js';

export type { SynthesisInput, SynthesisOutput } from './schema.js';

export const boardSynthesisTask = defineObjectTask<SynthesisInput, SynthesisOutput>({
  name: 'board-synthesis',
  generationType: 'board',
  description: 'The decision record’s prose: the recommendation and what the deliberation changed against the baselines',
  input: synthesisInput,
  output: synthesisOutput,
  buildPrompt: synthesisPrompt,
  prose: (output) => [
    { path: 'summary', text: output.summary, kind: 'prose' },
    { path: 'changes', text: output.changes, kind: 'prose' },
  ],
  builtin: (input) => synthesizeOffline(input),
});
