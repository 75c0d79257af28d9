import { defineObjectTask } from '../../../../core/ai/task.js';
import { estimateOffline } from './offline.js';
import { storyEstimatePrompt } from './prompt.js';
import { storyEstimateInput, storyEstimateOutput, type StoryEstimate, type StoryEstimateInput } from './schema.js';

export { ESTIMATE_SIMILARITY, estimateOffline } from './offline.js';
export { MAX_ESTIMATE_CANDIDATES, type StoryEstimate, type StoryEstimateInput } from './schema.js';

export const storyEstimateTask = defineObjectTask<StoryEstimateInput, StoryEstimate>({
  name: 'story-estimate',
  generationType: 'analysis',
  description: 'Story points for a story from the finished stories of its project that read most like it, with the stories compared to',
  input: storyEstimateInput,
  output: storyEstimateOutput,
  buildPrompt: storyEstimatePrompt,
  builtin: (input) => estimateOffline(input),
  prose: (output) => [{ path: 'explanation', text: output.explanation, kind: 'prose' }],
});
