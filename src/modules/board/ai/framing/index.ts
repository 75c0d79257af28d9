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
  prose: (output) => [
    ...output.subQuestions.map((q, i) => ({ path: `subQuestions.${i}.text`, text: q.text, kind: 'prose' as const })),
    ...output.options.flatMap((o, i) => [
      { path: `options.${i}.label`, text: o.label, kind: 'title' as const },
      { path: `options.${i}.description`, text: o.description, kind: 'prose' as const },
    ]),
    ...output.clarifications.flatMap((c, i) => [
      { path: `clarifications.${i}.question`, text: c.question, kind: 'prose' as const },
      { path: `clarifications.${i}.why`, text: c.why, kind: 'prose' as const },
    ]),
  ],
  builtin: (input) => frameOffline(input),
});
