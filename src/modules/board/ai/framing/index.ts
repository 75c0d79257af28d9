import { defineObjectTask } from '../../../../core/ai/task.js';
import { frameOffline } from './offline.js';
import { framingPrompt } from './prompt.js';
import { framingInput, framingOutput, type FramingInput, type FramingOutput } from './schema.js';

export type { FramingInput, FramingOutput } from './schema.js';

export const boardFramingTask = defineObjectTask<FramingInput, FramingOutput>({
  name: 'board-framing',
  generationType: 'board',
  description: 'A decision broken into the sub-questions it turns on, the options to vote on, and the clarifying questions that are decisive',
  input: framingInput,
  output: framingOutput,
  buildPrompt: framingPrompt,
  builtin: (input) => frameOffline(input),
});
